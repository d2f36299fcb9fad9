#include "files.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace rx {

bool writeFileAtomically(const QString& path, const QByteArray& data, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("rx::Files", "cannot write %1: %2")
                         .arg(path, file.errorString());
        return false;
    }
    return true;
}

}  // namespace rx
