// Downloads cifar-10-binary.tar.gz with Qt Network, checks its md5 and unpacks it with
// libarchive. Nothing is left half-written: the archive goes to a temporary file and is unpacked
// into a temporary folder that is renamed into place only when complete.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QTemporaryFile;
class QCryptographicHash;

namespace rx {

class Cifar10Downloader : public QObject {
    Q_OBJECT

public:
    static QUrl officialUrl();
    static QByteArray officialMd5();  // hex

    explicit Cifar10Downloader(QObject* parent = nullptr);
    ~Cifar10Downloader() override;

    void setUrl(const QUrl& url) { url_ = url; }
    void setExpectedMd5(const QByteArray& hex) { md5_ = hex.toLower(); }
    // Downloads into `targetDir` (e.g. AppDataLocation/cifar-10-batches-bin), which must not
    // exist yet. Emits finished(targetDir) or failed(message).
    void start(const QString& targetDir);
    void cancel();
    bool isRunning() const { return reply_ != nullptr; }

    // Blocking convenience for the command line: runs an event loop until done.
    static bool download(const QString& targetDir, QString* error,
                         const std::function<void(qint64, qint64)>& onProgress = {},
                         const QUrl& url = officialUrl(), const QByteArray& md5 = officialMd5());

Q_SIGNALS:
    void progress(qint64 received, qint64 total);
    void finished(const QString& dir);
    void failed(const QString& message);

private:
    void onReadyRead();
    void onFinished();
    void fail(const QString& message);
    void cleanup();

    QUrl url_;
    QByteArray md5_;
    QString targetDir_;
    std::unique_ptr<QNetworkAccessManager> network_;
    QNetworkReply* reply_ = nullptr;
    std::unique_ptr<QTemporaryFile> archive_;
    std::unique_ptr<QCryptographicHash> hash_;
};

// Unpacks a .tar.gz into `into` (created), refusing absolute paths, ".." and links outside.
bool extractTarGz(const QString& archivePath, const QString& into, QString* error);

}  // namespace rx
