// Paths of the files compiled in from resources/.
#pragma once

#include <QString>

namespace rx {

QString applicationIconPath();  // ":/resources/resnet-explorer.svg"

}  // namespace rx
