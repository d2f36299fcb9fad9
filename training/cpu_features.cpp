#include "cpu_features.h"

#include <QFile>
#include <QStringList>

namespace rx {

QString cpuBf16Features() {
    static const QString features = [] {
        QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
        if (!cpuinfo.open(QIODevice::ReadOnly | QIODevice::Text))
            return QString();
        while (!cpuinfo.atEnd()) {
            const QString line = QString::fromLatin1(cpuinfo.readLine());
            if (!line.startsWith(QLatin1String("flags")))
                continue;
            QStringList found;
            const QStringList flags =
                line.section(QLatin1Char(':'), 1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
            for (const char* name : {"avx512_bf16", "amx_bf16"})
                if (flags.contains(QLatin1String(name)))
                    found << QLatin1String(name);
            return found.join(QLatin1Char(' '));
        }
        return QString();
    }();
    return features;
}

}  // namespace rx
