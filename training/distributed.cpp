#include "distributed.h"

#include <QCoreApplication>

namespace rx {

namespace {

class Distributed {
    Q_DECLARE_TR_FUNCTIONS(rx::Distributed)
public:
    static QString badWorldSize(int n) {
        return tr("the world size must be at least 1, got %1").arg(n);
    }
    static QString badRank(int rank, int n) {
        return tr("the rank must be from 0 to %1 (the world size less one), got %2")
            .arg(n - 1)
            .arg(rank);
    }
    static QString needMaster() {
        return tr("training on several processes needs --master HOST:PORT (where rank 0 listens)");
    }
    static QString badTimeout(int seconds) {
        return tr("the timeout must be at least 1 second, got %1").arg(seconds);
    }
};

}  // namespace

bool DistributedSettings::validate(QString* error) const {
    if (worldSize < 1) {
        *error = Distributed::badWorldSize(worldSize);
        return false;
    }
    if (rank < 0 || rank >= worldSize) {
        *error = Distributed::badRank(rank, worldSize);
        return false;
    }
    if (joinTimeoutSeconds < 1) {
        *error = Distributed::badTimeout(joinTimeoutSeconds);
        return false;
    }
    if (enabled() && (masterHost.isEmpty() || masterPort == 0)) {
        *error = Distributed::needMaster();
        return false;
    }
    return true;
}

bool parseMasterAddress(const QString& text, QString* host, quint16* port) {
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString h = text.left(colon);
    if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']')))
        h = h.mid(1, h.size() - 2);
    bool ok = false;
    const uint p = text.mid(colon + 1).toUInt(&ok);
    if (!ok || p == 0 || p > 65535 || h.isEmpty() ||
        (h.contains(QLatin1Char(':')) && !text.startsWith(QLatin1Char('['))))
        return false;
    *host = h;
    *port = quint16(p);
    return true;
}

}  // namespace rx
