#include "download.h"

#include "cifar10.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTemporaryFile>

#include <archive.h>
#include <archive_entry.h>

namespace rx {

namespace {

class Download {
    Q_DECLARE_TR_FUNCTIONS(rx::Download)
public:
    static QString exists(const QString& dir) {
        return tr("%1 already exists; remove it or choose another folder").arg(dir);
    }
    static QString cannotCreate(const QString& dir) {
        return tr("cannot create a temporary file in %1").arg(dir);
    }
    static QString network(const QString& why) { return tr("download failed: %1").arg(why); }
    static QString incomplete(qint64 got, qint64 expected) {
        return tr("download failed: the connection closed after %1 of %2 bytes")
            .arg(got)
            .arg(expected);
    }
    static QString checksum(const QByteArray& got, const QByteArray& expected) {
        return tr("download failed: md5 checksum %1 does not match the expected %2; the file is "
                  "damaged or not the CIFAR-10 archive")
            .arg(QString::fromLatin1(got), QString::fromLatin1(expected));
    }
    static QString notCifar() {
        return tr("the downloaded archive does not hold the CIFAR-10 binary batches");
    }
    static QString cannotMove(const QString& from, const QString& to) {
        return tr("cannot move %1 to %2").arg(from, to);
    }
    static QString archive(const QString& path, const QString& why) {
        return tr("cannot unpack %1: %2").arg(path, why);
    }
    static QString unsafeEntry(const QString& name) {
        return tr("the archive holds an unsafe path '%1'").arg(name);
    }
    static QString cancelled() { return tr("download cancelled"); }
    static QString writeFailed(const QString& why) {
        return tr("cannot write the download: %1").arg(why);
    }
};

}  // namespace

QUrl Cifar10Downloader::officialUrl() {
    return QUrl(QStringLiteral("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"));
}

QByteArray Cifar10Downloader::officialMd5() {
    return "c32a1d4ab5d03f1284b67883e8d87530";
}

Cifar10Downloader::Cifar10Downloader(QObject* parent)
    : QObject(parent), url_(officialUrl()), md5_(officialMd5()) {}

Cifar10Downloader::~Cifar10Downloader() {
    cleanup();
}

void Cifar10Downloader::start(const QString& targetDir) {
    if (reply_)
        return;
    targetDir_ = QFileInfo(targetDir).absoluteFilePath();
    if (QFileInfo::exists(targetDir_)) {
        fail(Download::exists(targetDir_));
        return;
    }
    const QString parent = QFileInfo(targetDir_).absolutePath();
    QDir().mkpath(parent);
    archive_ =
        std::make_unique<QTemporaryFile>(parent + QStringLiteral("/.cifar-10-XXXXXX.tar.gz"));
    if (!archive_->open()) {
        fail(Download::cannotCreate(parent));
        return;
    }
    hash_ = std::make_unique<QCryptographicHash>(QCryptographicHash::Md5);
    if (!network_)
        network_ = std::make_unique<QNetworkAccessManager>();
    QNetworkRequest request(url_);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    reply_ = network_->get(request);
    connect(reply_, &QNetworkReply::readyRead, this, &Cifar10Downloader::onReadyRead);
    connect(reply_, &QNetworkReply::downloadProgress, this, &Cifar10Downloader::progress);
    connect(reply_, &QNetworkReply::finished, this, &Cifar10Downloader::onFinished);
}

void Cifar10Downloader::cancel() {
    if (reply_)
        reply_->abort();  // finished() follows with OperationCanceledError
}

void Cifar10Downloader::onReadyRead() {
    const QByteArray chunk = reply_->readAll();
    hash_->addData(chunk);
    if (archive_->write(chunk) != chunk.size())
        fail(Download::writeFailed(archive_->errorString()));  // disconnects, then aborts
}

void Cifar10Downloader::onFinished() {
    if (!reply_)
        return;  // already failed
    QNetworkReply* reply = reply_;
    if (reply->bytesAvailable() > 0)
        onReadyRead();
    if (!reply_)
        return;
    const qint64 expected = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    const qint64 got = archive_->size();
    if (reply->error() == QNetworkReply::OperationCanceledError) {
        fail(Download::cancelled());
        return;
    }
    if (expected > 0 && got < expected) {
        fail(Download::incomplete(got, expected));
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        fail(Download::network(reply->errorString()));
        return;
    }
    archive_->flush();
    const QByteArray md5 = hash_->result().toHex();
    if (md5 != md5_) {
        fail(Download::checksum(md5, md5_));
        return;
    }
    // Unpack beside the target, then move the batch folder into place in one rename.
    const QString parent = QFileInfo(targetDir_).absolutePath();
    QTemporaryDir staging(parent + QStringLiteral("/.cifar-10-unpack-XXXXXX"));
    QString error;
    if (!staging.isValid() || !extractTarGz(archive_->fileName(), staging.path(), &error)) {
        fail(error.isEmpty() ? Download::cannotCreate(parent) : error);
        return;
    }
    QString found;
    QDirIterator it(staging.path(), {QStringLiteral("data_batch_1.bin")}, QDir::Files,
                    QDirIterator::Subdirectories);
    if (it.hasNext())
        found = QFileInfo(it.next()).absolutePath();
    if (found.isEmpty() || !looksLikeCifar10(found)) {
        fail(Download::notCifar());
        return;
    }
    if (!QDir().rename(found, targetDir_)) {
        fail(Download::cannotMove(found, targetDir_));
        return;
    }
    const QString dir = targetDir_;
    cleanup();
    Q_EMIT finished(dir);
}

// Every end of a download goes through fail() or the one finished() of onFinished(): cleanup()
// disconnects the reply before aborting it, so no second end can follow.
void Cifar10Downloader::fail(const QString& message) {
    cleanup();
    Q_EMIT failed(message);
}

void Cifar10Downloader::cleanup() {
    if (reply_) {
        reply_->disconnect(this);
        reply_->abort();
        reply_->deleteLater();
        reply_ = nullptr;
    }
    archive_.reset();  // QTemporaryFile removes itself
    hash_.reset();
}

bool Cifar10Downloader::download(const QString& targetDir, QString* error,
                                 const std::function<void(qint64, qint64)>& onProgress,
                                 const QUrl& url, const QByteArray& md5) {
    Cifar10Downloader downloader;
    downloader.setUrl(url);
    downloader.setExpectedMd5(md5);
    QEventLoop loop;
    bool ok = false;
    connect(&downloader, &Cifar10Downloader::progress, &loop, [&](qint64 got, qint64 total) {
        if (onProgress)
            onProgress(got, total);
    });
    connect(&downloader, &Cifar10Downloader::finished, &loop, [&] {
        ok = true;
        loop.quit();
    });
    connect(&downloader, &Cifar10Downloader::failed, &loop, [&](const QString& message) {
        *error = message;
        loop.quit();
    });
    downloader.start(targetDir);
    if (downloader.isRunning())
        loop.exec();
    return ok;
}

bool extractTarGz(const QString& archivePath, const QString& into, QString* error) {
    struct archive* in = archive_read_new();
    archive_read_support_filter_gzip(in);
    archive_read_support_format_tar(in);
    struct archive* out = archive_write_disk_new();
    // Entry names are checked below and then prefixed with `into`, so the written paths are
    // absolute by design; ".." and links that lead outside stay refused by libarchive too.
    archive_write_disk_set_options(out, ARCHIVE_EXTRACT_TIME | ARCHIVE_EXTRACT_SECURE_NODOTDOT |
                                            ARCHIVE_EXTRACT_SECURE_SYMLINKS);
    bool ok = archive_read_open_filename(in, QFile::encodeName(archivePath).constData(), 65536) ==
              ARCHIVE_OK;
    QString why = ok ? QString() : QString::fromUtf8(archive_error_string(in));
    struct archive_entry* entry = nullptr;
    while (ok) {
        const int r = archive_read_next_header(in, &entry);
        if (r == ARCHIVE_EOF)
            break;
        if (r != ARCHIVE_OK) {
            why = QString::fromUtf8(archive_error_string(in));
            ok = false;
            break;
        }
        const QString name = QString::fromUtf8(archive_entry_pathname(entry));
        if (name.startsWith(QLatin1Char('/')) ||
            name.split(QLatin1Char('/')).contains(QStringLiteral(".."))) {
            why = Download::unsafeEntry(name);
            ok = false;
            break;
        }
        const QByteArray path = QFile::encodeName(QDir(into).filePath(name));
        archive_entry_set_pathname(entry, path.constData());
        if (archive_write_header(out, entry) != ARCHIVE_OK) {
            why = QString::fromUtf8(archive_error_string(out));
            ok = false;
            break;
        }
        const void* buffer = nullptr;
        size_t size = 0;
        la_int64_t offset = 0;
        int rr;
        while ((rr = archive_read_data_block(in, &buffer, &size, &offset)) == ARCHIVE_OK) {
            if (archive_write_data_block(out, buffer, size, offset) != ARCHIVE_OK) {
                why = QString::fromUtf8(archive_error_string(out));
                ok = false;
                break;
            }
        }
        if (ok && rr != ARCHIVE_EOF) {
            why = QString::fromUtf8(archive_error_string(in));
            ok = false;
        }
        if (ok)
            archive_write_finish_entry(out);
    }
    archive_read_free(in);
    archive_write_free(out);
    if (!ok && error)
        *error = Download::archive(archivePath, why);
    return ok;
}

}  // namespace rx
