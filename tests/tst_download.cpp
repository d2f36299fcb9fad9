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
};

QTEST_GUILESS_MAIN(TestDownload)
#include "tst_download.moc"
