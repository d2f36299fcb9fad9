#include "app_resources.h"

namespace rx {

QString applicationIconPath() {
    return QStringLiteral(":/resources/resnet-explorer.svg");
}

}  // namespace rx
