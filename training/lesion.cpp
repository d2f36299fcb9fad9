#include "lesion.h"

#include "files.h"
#include "pipeline.h"
#include "run_folder.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

#include <algorithm>
#include <numeric>
#include <random>
#include <set>

namespace rx {

namespace {

class Lesion {
    Q_DECLARE_TR_FUNCTIONS(rx::Lesion)
public:
    static QString cancelled(const QString& weights) {
        return tr("the lesion study of %1 was cancelled").arg(weights);
    }
    static QString failed(const QString& weights, const QString& why) {
        return tr("cannot run the lesion study of %1: %2").arg(weights, why);
    }
    static QString notAStudy(const QString& path) {
        return tr("%1 is not a lesion study").arg(path);
    }
    static QString cannotRead(const QString& path, const QString& why) {
        return tr("cannot read %1: %2").arg(path, why);
    }
};

// The JSON's identity: a reader refuses other files.
constexpr const char* kKind = "lesion";
constexpr int kVersion = 1;

// C(n, k), saturating at `cap` (only "more than cap" matters).
qint64 binomialCapped(int n, int k, qint64 cap) {
    k = std::min(k, n - k);
    qint64 c = 1;
    for (int i = 1; i <= k; ++i) {
        c = c * (n - k + i) / i;  // exact: the product of i consecutive numbers divides by i!
        if (c > cap)
            return cap + 1;
    }
    return c;
}

// The subsets of `k` of `pool` to remove: all of them when there are at most `trials`, else
// `trials` distinct ones drawn with `rng` (a partial Fisher–Yates shuffle, so the draw is the
// same with every standard library).
QVector<QVector<int>> chooseSubsets(const QVector<int>& pool, int k, int trials,
                                    std::mt19937_64& rng) {
    const int n = int(pool.size());
    QVector<QVector<int>> out;
    if (binomialCapped(n, k, trials) <= trials) {
        std::vector<bool> pick(size_t(n), false);
        std::fill(pick.begin(), pick.begin() + k, true);
        do {  // every k-subset, in lexicographic order of the chosen positions
            QVector<int> s;
            for (int i = 0; i < n; ++i)
                if (pick[size_t(i)])
                    s << pool[i];
            out << s;
        } while (std::prev_permutation(pick.begin(), pick.end()));
        return out;
    }
    std::set<QVector<int>> seen;
    while (int(out.size()) < trials) {
        QVector<int> p = pool;
        for (int i = 0; i < k; ++i)
            std::swap(p[i], p[i + int(rng() % quint64(n - i))]);
        QVector<int> s = p.first(k);
        std::sort(s.begin(), s.end());
        if (seen.insert(s).second)
            out << s;
    }
    return out;
}

QJsonArray intArray(const QVector<int>& v) {
    QJsonArray a;
    for (int i : v)
        a.append(i);
    return a;
}

}  // namespace

double LesionRandom::mean() const {
    if (trials.isEmpty())
        return 0;
    double sum = 0;
    for (const LesionSubset& t : trials)
        sum += t.error;
    return sum / double(trials.size());
}

double LesionRandom::min() const {
    double m = trials.isEmpty() ? 0 : trials.first().error;
    for (const LesionSubset& t : trials)
        m = std::min(m, t.error);
    return m;
}

double LesionRandom::max() const {
    double m = trials.isEmpty() ? 0 : trials.first().error;
    for (const LesionSubset& t : trials)
        m = std::max(m, t.error);
    return m;
}

int LesionStudy::removableCount() const {
    return int(std::count_if(blocks.begin(), blocks.end(),
                             [](const LesionBlock& b) { return b.removable; }));
}

bool LesionStudy::isResidual() const {
    return std::any_of(blocks.begin(), blocks.end(),
                       [](const LesionBlock& b) { return b.residual; });
}

QJsonObject LesionStudy::toJson() const {
    QJsonArray blockArray;
    for (const LesionBlock& b : blocks)
        blockArray.append(QJsonObject{
            {"name", b.name},
            {"residual", b.residual},
            {"downsampling", b.downsampling},
            {"removable", b.removable},
            {"error", b.removable ? QJsonValue(b.error) : QJsonValue()},
            {"loss", b.removable ? QJsonValue(b.loss) : QJsonValue()},
        });
    QJsonArray randomArray;
    for (const LesionRandom& r : random) {
        QJsonArray trialArray;
        for (const LesionSubset& t : r.trials)
            trialArray.append(QJsonObject{{"removed", intArray(t.removed)}, {"error", t.error}});
        randomArray.append(QJsonObject{{"k", r.k},
                                       {"mean", r.mean()},
                                       {"min", r.min()},
                                       {"max", r.max()},
                                       {"trials", trialArray}});
    }
    return QJsonObject{
        {"kind", QLatin1String(kKind)},
        {"version", kVersion},
        {"reference",
         QStringLiteral("Veit, Wilber, Belongie (2016), Residual Networks Behave Like Ensembles "
                        "of Relatively Shallow Networks")},
        {"architecture", architecture},
        {"images", images},
        {"trials", trials},
        {"seed", QString::number(seed)},  // a string: JSON numbers lose bits past 2^53
        {"seconds", seconds},
        {"errors_in", QStringLiteral("percent")},
        {"chance_error", kChanceErrorPercent},
        {"baseline", QJsonObject{{"error", baselineError}, {"loss", baselineLoss}}},
        {"blocks", blockArray},
        {"random", randomArray},
    };
}

bool LesionStudy::fromJson(const QJsonObject& json, LesionStudy* study, QString* error) {
    const auto bad = [error](const QString& why) {
        *error = why;
        return false;
    };
    if (json.value("kind").toString() != QLatin1String(kKind) ||
        json.value("version").toInt() != kVersion || !json.value("blocks").isArray() ||
        !json.value("random").isArray() || !json.value("baseline").isObject())
        return bad(Lesion::notAStudy(QStringLiteral("JSON")));
    LesionStudy s;
    s.architecture = json.value("architecture").toString();
    s.images = json.value("images").toInt();
    s.trials = json.value("trials").toInt();
    s.seed = json.value("seed").toString().toULongLong();
    s.seconds = json.value("seconds").toDouble();
    const QJsonObject baseline = json.value("baseline").toObject();
    s.baselineError = baseline.value("error").toDouble();
    s.baselineLoss = baseline.value("loss").toDouble();
    for (const QJsonValue& v : json.value("blocks").toArray()) {
        const QJsonObject o = v.toObject();
        LesionBlock b;
        b.name = o.value("name").toString();
        b.residual = o.value("residual").toBool();
        b.downsampling = o.value("downsampling").toBool();
        b.removable = o.value("removable").toBool();
        b.error = o.value("error").toDouble(-1);
        b.loss = o.value("loss").toDouble(-1);
        if (b.name.isEmpty() || (b.removable && !o.value("error").isDouble()))
            return bad(Lesion::notAStudy(QStringLiteral("JSON")));
        s.blocks << b;
    }
    for (const QJsonValue& v : json.value("random").toArray()) {
        const QJsonObject o = v.toObject();
        LesionRandom r;
        r.k = o.value("k").toInt();
        for (const QJsonValue& t : o.value("trials").toArray()) {
            LesionSubset subset;
            for (const QJsonValue& i : t.toObject().value("removed").toArray())
                subset.removed << i.toInt();
            subset.error = t.toObject().value("error").toDouble();
            r.trials << subset;
        }
        if (r.k < 1 || r.trials.isEmpty())
            return bad(Lesion::notAStudy(QStringLiteral("JSON")));
        s.random << r;
    }
    if (s.blocks.isEmpty())
        return bad(Lesion::notAStudy(QStringLiteral("JSON")));
    *study = std::move(s);
    return true;
}

bool runLesionStudy(const QString& weights, const LesionOptions& options, LesionStudy* study,
                    QString* error) {
    QElapsedTimer clock;
    clock.start();
    torch::set_num_threads(options.threads > 0 ? options.threads : QThread::idealThreadCount());
    LesionStudy s;
    s.trials = std::max(1, options.trials);
    s.seed = options.seed;
    try {
        TestBench bench;
        if (!prepareTestBench(weights, options.dataDir, options.images, nullptr, &bench, error))
            return false;
        Network& net = bench.loaded.model;
        s.architecture = bench.loaded.spec.name;
        s.images = int(bench.split.size());
        const QStringList names = net->blockNames();
        QVector<int> removable;
        for (size_t i = 0; i < net->blocks().size(); ++i) {
            LesionBlock b;
            b.name = names.value(int(i));
            b.residual = net->blocks()[i]->isResidual();
            b.removable = net->blocks()[i]->canLesion();
            b.downsampling = net->blocks()[i]->changesShape();
            if (b.removable)
                removable << int(i);
            s.blocks << b;
        }

        // Plan every evaluation first, so progress knows the total: nothing removed, each
        // removable block alone (also the k = 1 subsets, all of them), then for each k ≥ 2 the
        // subsets to remove.
        std::mt19937_64 rng(options.seed);
        QVector<QVector<int>> plan{{}};
        for (int i : removable)
            plan << QVector<int>{i};
        for (int k = 2; k <= removable.size(); ++k)
            plan << chooseSubsets(removable, k, s.trials, rng);

        const qint64 total = qint64(plan.size()) * s.images;
        std::vector<SplitEvaluation> results;
        for (const QVector<int>& removed : plan) {
            std::vector<bool> lesioned(net->blocks().size(), false);
            for (int i : removed)
                lesioned[size_t(i)] = true;
            const qint64 before = qint64(results.size()) * s.images;
            BatchControl control{options.cancel, {}};
            if (options.onProgress)
                control.onBatch = [&options, before, total](int64_t done, int64_t) {
                    options.onProgress(before + done, total);
                };
            const SplitEvaluation e =
                evaluateSplit(net, bench.split, bench.norm, TrainConfig{}.testBatchSize, nullptr,
                              control, removed.isEmpty() ? std::vector<bool>{} : lesioned);
            if (!e.complete) {
                *error = Lesion::cancelled(weights);
                return false;
            }
            results.push_back(e);
        }

        s.baselineError = results[0].error;
        s.baselineLoss = results[0].loss;
        size_t next = 1;
        for (int i : removable) {
            s.blocks[i].error = results[next].error;
            s.blocks[i].loss = results[next].loss;
            ++next;
        }
        for (int k = 1; k <= removable.size(); ++k) {
            LesionRandom r;
            r.k = k;
            if (k == 1) {
                for (int i : removable)
                    r.trials << LesionSubset{{i}, s.blocks[i].error};
            } else {
                while (next < results.size() && plan[int(next)].size() == k) {
                    r.trials << LesionSubset{plan[int(next)], results[next].error};
                    ++next;
                }
            }
            s.random << r;
        }
    } catch (const std::exception& e) {
        *error = Lesion::failed(weights, errorText(e));
        return false;
    }
    s.seconds = double(clock.elapsed()) / 1000.0;
    *study = std::move(s);
    return true;
}

bool writeLesionStudy(const QString& runDir, const LesionStudy& study, QString* error) {
    return writeFileAtomically(QDir(runDir).filePath(QLatin1String(kRunLesionFile)),
                               QJsonDocument(study.toJson()).toJson(QJsonDocument::Indented),
                               error);
}

bool readLesionStudy(const QString& path, LesionStudy* study, QString* error) {
    const QString file =
        QFileInfo(path).isDir() ? QDir(path).filePath(QLatin1String(kRunLesionFile)) : path;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = Lesion::cannotRead(file, f.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
    if (!doc.isObject() || !LesionStudy::fromJson(doc.object(), study, error)) {
        *error = Lesion::notAStudy(file);
        return false;
    }
    return true;
}

}  // namespace rx
