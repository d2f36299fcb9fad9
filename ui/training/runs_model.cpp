#include "runs_model.h"

#include "metrics.h"
#include "plot_base.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace rx {

namespace {

// config.json's iterations_total, 0 when unknown.
int totalIterations(const QDir& run) {
    QFile config(run.filePath(QLatin1String(kRunConfigFile)));
    if (!config.open(QIODevice::ReadOnly))
        return 0;
    return QJsonDocument::fromJson(config.readAll()).object().value("iterations_total").toInt();
}

}  // namespace

std::optional<RunSummary> summarizeRunFolder(const QString& runDir) {
    const QDir run(runDir);
    if (!run.exists(QLatin1String(kRunConfigFile)))
        return std::nullopt;
    RunSummary summary;
    MetricsLog log;
    if (readMetrics(run.filePath(QLatin1String(kRunMetricsFile)), &log, nullptr))
        for (const TestMetrics& t : log.test)
            if (summary.bestTestError < 0 || t.error < summary.bestTestError)
                summary.bestTestError = t.error;
    summary.skippedMetricLines = log.skippedLines;
    const std::optional<RunStatus> status = readRunStatus(runDir);
    if (status && summary.bestTestError < 0)
        summary.bestTestError = status->bestTestError;
    // Whether its metrics reach the end (a trainer killed after its last line has done it all).
    const int total = totalIterations(run);
    const int last = log.train.isEmpty() ? 0 : log.train.last().iteration;
    const bool complete = total > 0 && last >= total;
    if (status && !(status->state == RunState::Interrupted && complete))
        // Running: another process trains it now (a dead one's reads as Interrupted).
        summary.state = status->state;
    else  // no word from a trainer (an older run), or one cut off: judge by its metrics
        summary.state = complete ? RunState::Finished : RunState::Stopped;
    return summary;
}

RunsModel::RunsModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunsModel::setDirectory(const QString& dir) {
    if (dir != dir_) {
        // Another folder: the runs of the old one go (the live one stays until it ends).
        for (int row = int(rows_.size()) - 1; row >= 0; --row) {
            if (rows_[row].id != live_) {
                setTicked(rows_[row].id, false);
                removeRow(row);
            }
        }
    }
    dir_ = dir;
    rescan();
}

QString RunsModel::path(const QString& id) const {
    return QDir(dir_).filePath(id);
}

QString RunsModel::safeName(QString name) {
    for (QChar& c : name)
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_'))
            c = QLatin1Char('-');
    return name.isEmpty() ? QStringLiteral("run") : name;
}

QString RunsModel::newRunId(const QString& networkName) const {
    QString id = safeName(networkName) +
                 QDateTime::currentDateTime().toString(QStringLiteral("-yyyyMMdd-HHmmss"));
    for (int n = 2; QFileInfo::exists(path(id)); ++n)
        id = id.section(QLatin1Char('~'), 0, 0) + QStringLiteral("~%1").arg(n);
    return id;
}

void RunsModel::rescan() {
    for (int row = int(rows_.size()) - 1; row >= 0; --row) {
        const QString& id = rows_[row].id;
        if (id != live_ && !QFileInfo::exists(path(id))) {
            setTicked(id, false);
            removeRow(row);
        }
    }
    if (dir_.isEmpty())
        return;
    const QDir dir(dir_);
    for (const QString& id : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (contains(id)) {
            // Another process's run may have paused, ended or died since the last look: judged
            // by the same rule as when the row was read (summarizeRunFolder), whose status.json
            // alone decides while its trainer lives (the dashboard looks every second, and a long
            // run's metrics are megabytes).
            const std::optional<RunState> was = state(id);
            if (id == live_ || !was || !hasLiveTrainer(*was))
                continue;
            const std::optional<RunStatus> status = readRunStatus(dir.filePath(id));
            if (status && hasLiveTrainer(status->state))
                setState(id, status->state);
            else if (const auto summary = summarizeRunFolder(dir.filePath(id)))
                setState(id, summary->state);
            continue;
        }
        if (const auto summary = summarizeRunFolder(dir.filePath(id)))
            append({id, summary->state, summary->bestTestError, false, -1,
                    summary->skippedMetricLines});
    }
}

void RunsModel::addRun(const QString& id, RunState state) {
    if (!contains(id))
        append({id, state});
}

QStringList RunsModel::ids() const {
    QStringList out;
    for (const Row& row : rows_)
        out << row.id;
    return out;
}

QString RunsModel::idAt(const QModelIndex& index) const {
    return index.isValid() && index.row() < rows_.size() ? rows_[index.row()].id : QString();
}

int RunsModel::rowOf(const QString& id) const {
    for (int row = 0; row < rows_.size(); ++row)
        if (rows_[row].id == id)
            return row;
    return -1;
}

std::optional<RunState> RunsModel::state(const QString& id) const {
    const int row = rowOf(id);
    return row < 0 ? std::nullopt : std::optional(rows_[row].state);
}

void RunsModel::setState(const QString& id, RunState state) {
    const int row = rowOf(id);
    if (row < 0 || rows_[row].state == state)
        return;
    rows_[row].state = state;
    changed(row, StateColumn, StateColumn);
}

double RunsModel::bestTestError(const QString& id) const {
    const int row = rowOf(id);
    return row < 0 || rows_[row].best < 0 ? std::nan("") : rows_[row].best;
}

void RunsModel::noteTestError(const QString& id, double error) {
    const int row = rowOf(id);
    if (row < 0 || (rows_[row].best >= 0 && rows_[row].best <= error))
        return;
    rows_[row].best = error;
    changed(row, BestColumn, BestColumn);
}

bool RunsModel::isTicked(const QString& id) const {
    const int row = rowOf(id);
    return row >= 0 && rows_[row].ticked;
}

void RunsModel::setTicked(const QString& id, bool ticked) {
    const int row = rowOf(id);
    if (row < 0 || rows_[row].ticked == ticked)
        return;
    rows_[row].ticked = ticked;
    if (ticked && rows_[row].color < 0)
        rows_[row].color = nextColor_++;
    changed(row, NameColumn, NameColumn);
    Q_EMIT tickedChanged(id, ticked);
}

QColor RunsModel::color(const QString& id) const {
    const int row = rowOf(id);
    return row < 0 || rows_[row].color < 0 ? QColor() : runColor(rows_[row].color);
}

bool RunsModel::renameRun(const QString& id, const QString& name, QString* error) {
    const QString to = safeName(name);
    if (id == live_) {
        *error = tr("a running run cannot be renamed");
        return false;
    }
    if (QFileInfo::exists(path(to))) {
        *error = tr("a run named %1 already exists").arg(to);
        return false;
    }
    const bool ticked = isTicked(id);
    setTicked(id, false);
    if (!QDir().rename(path(id), path(to))) {
        *error = tr("cannot rename %1 to %2").arg(path(id), path(to));
        return false;
    }
    const int row = rowOf(id);
    if (row >= 0) {
        rows_[row].id = to;  // keeps its state, best error and colour
        changed(row, NameColumn, NameColumn);
    } else {
        rescan();
    }
    setTicked(to, ticked);
    return true;
}

bool RunsModel::deleteRun(const QString& id, QString* error) {
    if (id == live_) {
        *error = tr("stop the run before deleting it");
        return false;
    }
    setTicked(id, false);
    if (!QDir(path(id)).removeRecursively()) {
        *error = tr("cannot delete %1").arg(path(id));
        return false;
    }
    if (const int row = rowOf(id); row >= 0)
        removeRow(row);
    return true;
}

void RunsModel::append(const Row& row) {
    beginInsertRows({}, int(rows_.size()), int(rows_.size()));
    rows_ << row;
    endInsertRows();
}

void RunsModel::removeRow(int row) {
    beginRemoveRows({}, row, row);
    rows_.removeAt(row);
    endRemoveRows();
}

void RunsModel::retranslate() {
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!rows_.isEmpty())
        Q_EMIT dataChanged(index(0, StateColumn), index(int(rows_.size()) - 1, StateColumn));
}

void RunsModel::changed(int row, Column first, Column last) {
    Q_EMIT dataChanged(index(row, first), index(row, last));
}

int RunsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

int RunsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size())
        return {};
    const Row& row = rows_[index.row()];
    if (role == IdRole)
        return row.id;
    if (role == Qt::ToolTipRole && row.skippedMetricLines > 0)
        return skippedLinesText(row.skippedMetricLines);
    switch (index.column()) {
        case NameColumn:
            if (role == Qt::DisplayRole)
                return row.id;
            if (role == Qt::CheckStateRole)
                return row.ticked ? Qt::Checked : Qt::Unchecked;
            if (role == Qt::ForegroundRole && row.color >= 0)
                return runColor(row.color);
            break;
        case StateColumn:
            if (role == Qt::DisplayRole)
                return runStateText(row.state);
            break;
        case BestColumn:
            if (role == Qt::DisplayRole)
                return row.best >= 0 ? QStringLiteral("%1 %").arg(row.best, 0, 'f', 2) : QString();
            break;
        default:
            break;
    }
    return {};
}

bool RunsModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || index.column() != NameColumn || role != Qt::CheckStateRole)
        return false;
    setTicked(idAt(index), value.toInt() == Qt::Checked);
    return true;
}

Qt::ItemFlags RunsModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == NameColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant RunsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
        case NameColumn:
            return tr("Run");
        case StateColumn:
            return tr("State");
        case BestColumn:
            return tr("Best test error");
        default:
            return {};
    }
}

}  // namespace rx
