// The runs list: one row per run folder under the runs directory, with its name, state (RunState)
// and best test error, a tick that overlays it on the plots, and the colour it has there.
// Rows come from the folders (rescan) and from runs this process starts (addRun); the live run's
// state is set by the dashboard, every other folder's state is read from its status.json or, when
// that is missing or still says "running", judged from its metrics; a row whose metrics.jsonl has
// damaged lines says how many in its tooltip. Renaming and deleting a run
// move or remove its folder. No torch here.
#pragma once

#include "run_folder.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QVector>

#include <optional>

namespace rx {

// What the runs list shows of a run folder no trainer of this process writes; nullopt when the
// folder is not a run (no config.json).
struct RunSummary {
    RunState state = RunState::Stopped;
    double bestTestError = -1;   // %, −1 when no test ran yet
    int skippedMetricLines = 0;  // damaged lines of its metrics.jsonl (MetricsLog)
};
std::optional<RunSummary> summarizeRunFolder(const QString& runDir);

class RunsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { NameColumn, StateColumn, BestColumn, ColumnCount };
    static constexpr int IdRole = Qt::UserRole;

    explicit RunsModel(QObject* parent = nullptr);

    void setDirectory(const QString& dir);  // rescans
    QString directory() const { return dir_; }
    QString path(const QString& id) const;
    // A new run's folder name: the network's name made safe, the time, and ~2, ~3… if taken.
    QString newRunId(const QString& networkName) const;
    // Letters, digits, '-' and '_' kept, anything else '-'.
    static QString safeName(QString name);

    // Drops rows whose folder is gone (not the live run's) and adds new folders; ticks stay.
    void rescan();
    // The run this process is training: never dropped, renamed or deleted.
    void setLiveRun(const QString& id) { live_ = id; }
    // A run this process just started (appended, not yet ticked).
    void addRun(const QString& id, RunState state);

    QStringList ids() const;
    QString idAt(const QModelIndex& index) const;
    bool contains(const QString& id) const { return rowOf(id) >= 0; }
    std::optional<RunState> state(const QString& id) const;
    void setState(const QString& id, RunState state);
    double bestTestError(const QString& id) const;  // NaN when there is none
    // Keeps the lowest test error seen.
    void noteTestError(const QString& id, double error);
    bool isTicked(const QString& id) const;
    void setTicked(const QString& id, bool ticked);  // emits tickedChanged when it changes
    // Tells the views that the headers and the states read in another language now (a view
    // calls it on QEvent::LanguageChange).
    void retranslate();
    // The run's colour on the plots (runColor), given when it is first ticked.
    QColor color(const QString& id) const;

    bool renameRun(const QString& id, const QString& name, QString* error);
    bool deleteRun(const QString& id, QString* error);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void tickedChanged(const QString& id, bool ticked);

private:
    struct Row {
        QString id;
        RunState state = RunState::Stopped;
        double best = -1;  // %, −1 when none
        bool ticked = false;
        int color = -1;              // index for runColor, −1 until first ticked
        int skippedMetricLines = 0;  // told in the row's tooltip
    };
    int rowOf(const QString& id) const;
    void append(const Row& row);
    void removeRow(int row);
    void changed(int row, Column first = NameColumn, Column last = BestColumn);

    QString dir_;
    QString live_;
    QVector<Row> rows_;
    int nextColor_ = 0;
};

}  // namespace rx
