// Writing a file atomically (a temporary file, then a rename): a reader never sees half of it.
#pragma once

#include <QByteArray>
#include <QString>

namespace rx {

// False with "cannot write PATH: reason" when the file cannot be written.
bool writeFileAtomically(const QString& path, const QByteArray& data, QString* error);

}  // namespace rx
