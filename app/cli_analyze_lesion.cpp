// PLACEHOLDER: `analyze lesion` (issue 11). To be written.
#include "cli_common.h"

namespace rx::cli {

int analyzeLesionCommand(const QStringList&) {
    err() << "analyze lesion: not available yet\n";
    return kExitFailure;
}

}  // namespace rx::cli
