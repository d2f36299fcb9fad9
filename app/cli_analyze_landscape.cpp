// PLACEHOLDER: `analyze landscape` (issue 11). To be written.
#include "cli_common.h"

namespace rx::cli {

int analyzeLandscapeCommand(const QStringList&) {
    err() << "analyze landscape: not available yet\n";
    return kExitFailure;
}

}  // namespace rx::cli
