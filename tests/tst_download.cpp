// Downloading CIFAR-10 from a local HTTP server that this test runs: success, a wrong checksum,
// a connection that breaks half-way and a missing file; none may leave a half-written dataset.
#include "cifar10.h"
#include "cifar_fixture.h"
#include "download.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/resource.h>
#include <csignal>

using namespace rx;

namespace {

// Answers every GET with `body`; in Break mode it announces the full length, sends half and
// hangs up.
class TinyHttpServer : public QTcpServer {
public:
    enum Mode { Serve, Break, NotFound };
    QByteArray body;
    Mode mode = Serve;

    TinyHttpServer() {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    if (!socket->readAll().contains("\r\n\r\n"))
                        return;
                    respond(socket);
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    QUrl url() const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/cifar-10-binary.tar.gz").arg(serverPort()));
    }

private:
    void respond(QTcpSocket* socket) {
        if (mode == NotFound) {
            socket->write(
                "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
            return;
        }
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/gzip\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n");
        socket->write(mode == Break ? body.left(body.size() / 2) : body);
        socket->flush();
        if (mode == Break)
            socket->abort();
        else
            socket->disconnectFromHost();
    }
};

QStringList leftovers(const QString& dir) {
    QStringList names = QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    return names;
}

}  // namespace

class TestDownload : public QObject {
    Q_OBJECT

    QTemporaryDir source_;
    QByteArray archive_;
    QByteArray md5_;
    TinyHttpServer server_;

private Q_SLOTS:
    void initTestCase() {
        // A small archive shaped like the real one: cifar-10-batches-bin/ with the six batches.
        QVERIFY(test::writeSyntheticCifar(source_.filePath("cifar-10-batches-bin"), 30, 30));
        QProcess tar;
        tar.setWorkingDirectory(source_.path());
        tar.start("tar", {"czf", "archive.tar.gz", "cifar-10-batches-bin"});
        QVERIFY(tar.waitForFinished());
        QCOMPARE(tar.exitCode(), 0);
        QFile f(source_.filePath("archive.tar.gz"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        archive_ = f.readAll();
        md5_ = QCryptographicHash::hash(archive_, QCryptographicHash::Md5).toHex();
        server_.body = archive_;
        QVERIFY(server_.listen(QHostAddress::LocalHost));
    }

    void officialAddressAndChecksum() {
        QCOMPARE(Cifar10Downloader::officialUrl().fileName(), QString("cifar-10-binary.tar.gz"));
        QCOMPARE(Cifar10Downloader::officialMd5(), QByteArray("c32a1d4ab5d03f1284b67883e8d87530"));
    }

    void downloadsChecksAndUnpacks() {
        server_.mode = TinyHttpServer::Serve;
        QTemporaryDir parent;
        const QString target = parent.filePath("cifar-10-batches-bin");
        QString error;
        qint64 lastTotal = 0;
        const bool ok = Cifar10Downloader::download(
            target, &error, [&](qint64, qint64 total) { lastTotal = total; }, server_.url(), md5_);
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(lastTotal, qint64(archive_.size()));
        CifarData data;
        QVERIFY2(loadCifar10(target, &data, &error), qPrintable(error));
        QCOMPARE(data.train.size(), 150);
        QCOMPARE(leftovers(parent.path()), QStringList{"cifar-10-batches-bin"});
    }

    void wrongChecksumLeavesNothing() {
        server_.mode = TinyHttpServer::Serve;
        QTemporaryDir parent;
        const QString target = parent.filePath("cifar-10-batches-bin");
        QString error;
        QVERIFY(!Cifar10Downloader::download(target, &error, {}, server_.url(),
                                             "00000000000000000000000000000000"));
        QVERIFY2(error.contains("md5 checksum " + md5_), qPrintable(error));
        QVERIFY(!QFileInfo::exists(target));
        QVERIFY2(leftovers(parent.path()).isEmpty(),
                 qPrintable(leftovers(parent.path()).join(' ')));
    }

    void brokenConnectionLeavesNothing() {
        server_.mode = TinyHttpServer::Break;
        QTemporaryDir parent;
        const QString target = parent.filePath("cifar-10-batches-bin");
        QString error;
        QVERIFY(!Cifar10Downloader::download(target, &error, {}, server_.url(), md5_));
        QVERIFY2(error.startsWith("download failed"), qPrintable(error));
        QVERIFY(!QFileInfo::exists(target));
        QVERIFY2(leftovers(parent.path()).isEmpty(),
                 qPrintable(leftovers(parent.path()).join(' ')));
    }

    void missingFileOnServer() {
        server_.mode = TinyHttpServer::NotFound;
        QTemporaryDir parent;
        QString error;
        QVERIFY(
            !Cifar10Downloader::download(parent.filePath("c"), &error, {}, server_.url(), md5_));
        QVERIFY2(error.startsWith("download failed"), qPrintable(error));
        QVERIFY(leftovers(parent.path()).isEmpty());
    }

    void refusesToOverwrite() {
        QTemporaryDir parent;
        QString error;
        QVERIFY(!Cifar10Downloader::download(parent.path(), &error, {}, server_.url(), md5_));
        QVERIFY2(error.contains("already exists"), qPrintable(error));
    }

    void rejectsArchiveWithoutBatches() {
        QTemporaryDir other;
        QFile readme(other.filePath("README"));
        QVERIFY(readme.open(QIODevice::WriteOnly));
        readme.write("not cifar");
        readme.close();
        QProcess tar;
        tar.setWorkingDirectory(other.path());
        tar.start("tar", {"czf", "x.tar.gz", "README"});
        QVERIFY(tar.waitForFinished());
        QFile f(other.filePath("x.tar.gz"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray body = f.readAll();
        TinyHttpServer server;
        server.body = body;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QTemporaryDir parent;
        const QString target = parent.filePath("cifar-10-batches-bin");
        QString error;
        QVERIFY(!Cifar10Downloader::download(
            target, &error, {}, server.url(),
            QCryptographicHash::hash(body, QCryptographicHash::Md5).toHex()));
        QVERIFY2(error.contains("does not hold the CIFAR-10"), qPrintable(error));
        QVERIFY(!QFileInfo::exists(target));
        QVERIFY(leftovers(parent.path()).isEmpty());
    }

    void writeFailureFailsOnce() {
        // The archive may grow to a quarter of its size: the write of the rest fails (EFBIG,
        // with SIGXFSZ ignored), as on a full disk.
        server_.mode = TinyHttpServer::Serve;
        QTemporaryDir parent;
        Cifar10Downloader downloader;
        downloader.setUrl(server_.url());
        downloader.setExpectedMd5(md5_);
        QSignalSpy failed(&downloader, &Cifar10Downloader::failed);
        QSignalSpy finished(&downloader, &Cifar10Downloader::finished);
        struct rlimit saved;
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
        const auto previous = std::signal(SIGXFSZ, SIG_IGN);
        struct rlimit small = saved;
        small.rlim_cur = rlim_t(archive_.size() / 4);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        downloader.start(parent.filePath("cifar-10-batches-bin"));
        const bool ended = failed.wait(30000) || !finished.isEmpty();
        QTest::qWait(200);  // a second signal would come now
        setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, previous);
        QVERIFY(ended);
        QCOMPARE(finished.count(), 0);
        QCOMPARE(failed.count(), 1);
        QVERIFY2(failed.first().first().toString().startsWith("cannot write the download"),
                 qPrintable(failed.first().first().toString()));
        QVERIFY(!downloader.isRunning());
        QVERIFY2(leftovers(parent.path()).isEmpty(),
                 qPrintable(leftovers(parent.path()).join(' ')));
    }

    void everyEndIsOneSignal_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("goodMd5");
        QTest::addColumn<bool>("cancel");
        QTest::addColumn<bool>("succeeds");
        QTest::newRow("success") << int(TinyHttpServer::Serve) << true << false << true;
        QTest::newRow("checksum") << int(TinyHttpServer::Serve) << false << false << false;
        QTest::newRow("broken") << int(TinyHttpServer::Break) << true << false << false;
        QTest::newRow("not found") << int(TinyHttpServer::NotFound) << true << false << false;
        QTest::newRow("cancelled") << int(TinyHttpServer::Serve) << true << true << false;
    }
    void everyEndIsOneSignal() {
        QFETCH(int, mode);
        QFETCH(bool, goodMd5);
        QFETCH(bool, cancel);
        QFETCH(bool, succeeds);
        server_.mode = TinyHttpServer::Mode(mode);
        QTemporaryDir parent;
        Cifar10Downloader downloader;
        downloader.setUrl(server_.url());
        downloader.setExpectedMd5(goodMd5 ? md5_ : QByteArray(32, '0'));
        QSignalSpy failed(&downloader, &Cifar10Downloader::failed);
        QSignalSpy finished(&downloader, &Cifar10Downloader::finished);
        downloader.start(parent.filePath("cifar-10-batches-bin"));
        if (cancel)
            downloader.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() + finished.count() >= 1, 30000);
        QTest::qWait(200);
        QCOMPARE(finished.count() + failed.count(), 1);
        QCOMPARE(finished.count(), succeeds ? 1 : 0);
    }
};

QTEST_GUILESS_MAIN(TestDownload)
#include "tst_download.moc"
