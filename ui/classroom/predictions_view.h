// The Predictions tab: what a trained run says about the CIFAR-10 test set. Pick a run (the runs
// list's folders, or Browse…); its checkpoint is evaluated in a worker thread (predictTestSet,
// training/predictions.h: the same inference path as `eval`), then the view shows the confusion
// matrix (counts, a colour scale of the row's share, per-class error, the test error), a gallery
// of misclassified images (click a matrix cell to see only that pair) and, for any test image,
// its three most probable classes. Choosing another run, or closing, cancels an evaluation.
// No torch here.
#pragma once

#include "cifar10.h"
#include "predictions.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QGroupBox;
class QLabel;
class QListView;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;

namespace rx {

class ConfusionMatrixPlot;
class RunsModel;

// Misclassified test images (or one (true, predicted) pair's), with both classes and the
// confidence under each.
class MisclassifiedModel : public QAbstractListModel {
    Q_OBJECT

public:
    static constexpr int IndexRole = Qt::UserRole;  // int, the test image's index

    explicit MisclassifiedModel(QObject* parent = nullptr);
    void setPredictions(std::shared_ptr<const TestPredictions> predictions,
                        std::shared_ptr<const CifarSplit> images, const QStringList& classNames);
    // Only images of `truth` predicted as `predicted` (both ≥ 0), or every mistake (−1, −1).
    void setPair(int truth, int predicted);
    void retranslate(const QStringList& classNames);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const TestPredictions> predictions_;
    std::shared_ptr<const CifarSplit> images_;
    QStringList names_;
    QVector<int> rows_;
    int truth_ = -1, predicted_ = -1;
};

class PredictionsView : public QWidget {
    Q_OBJECT

public:
    // `runs` (may be null) fills the run combo: the Training tab's runs list.
    explicit PredictionsView(RunsModel* runs, QWidget* parent = nullptr);
    // Cancels a running evaluation and waits for its thread.
    ~PredictionsView() override;

    void setDataDirectory(const QString& dir);
    QString dataDirectory() const { return dataDir_; }
    void setTestSubset(int images) { testSubset_ = images; }  // > 0: the first N (tests)

    // Evaluates (or shows the remembered result of) a run folder, a checkpoint or an export.
    void showRun(const QString& path);
    QString currentRun() const { return run_; }
    bool isEvaluating() const { return job_ != nullptr; }
    bool hasPredictions() const { return predictions_ != nullptr; }
    QString errorText() const { return error_; }  // the last failure, empty when none

    const ConfusionMatrix& matrix() const { return matrix_; }
    const TestPredictions* predictions() const { return predictions_.get(); }
    void selectImage(int index);  // the detail panel's test image
    int selectedImage() const;
    QVector<ClassProbability> selectedTopK() const;  // what the bars show

    ConfusionMatrixPlot* matrixPlot() const { return plot_; }
    QString matrixCellText(int truth, int predicted) const;  // what the plot's cell shows
    QString matrixTitle() const;
    MisclassifiedModel* gallery() const { return galleryModel_; }
    QListView* galleryView() const { return galleryView_; }
    QComboBox* runBox() const { return runBox_; }
    QLabel* statusLabel() const { return status_; }

Q_SIGNALS:
    void evaluated();  // a result is shown, or the evaluation failed (errorText)

protected:
    void changeEvent(QEvent* event) override;
    // The first time it shows with no run chosen: the newest run that has a checkpoint.
    void showEvent(QShowEvent* event) override;

private:
    struct Job;
    struct Result {
        QDateTime modified;
        std::shared_ptr<const TestPredictions> predictions;
        std::shared_ptr<const CifarSplit> images;
    };
    void retranslateUi();
    void refillRuns();
    void browse();
    void cancel();
    void finished(const std::shared_ptr<Job>& job);
    void showResult(const Result& result);
    void fail(const QString& message);
    void updateStatus();
    void updateDetail();
    QStringList classNames() const;
    static QDateTime modifiedOf(const QString& path);

    RunsModel* runs_;
    QString dataDir_;
    int testSubset_ = 0;
    bool shownBefore_ = false;
    QString run_;
    QString error_;
    QStringList browsed_;  // folders chosen with Browse…, listed after the runs
    std::shared_ptr<Job> job_;
    QList<QThread*> threads_;
    QHash<QString, Result> results_;
    std::shared_ptr<const TestPredictions> predictions_;
    std::shared_ptr<const CifarSplit> images_;
    QStringList names_;
    ConfusionMatrix matrix_;

    QLabel* runLabel_;
    QComboBox* runBox_;
    QPushButton* browse_;
    QLabel* status_;
    QProgressBar* progress_;
    QTimer* progressTimer_;
    ConfusionMatrixPlot* plot_;
    QGroupBox* galleryGroup_;
    QLabel* galleryHint_;
    QPushButton* showAll_;
    QListView* galleryView_;
    MisclassifiedModel* galleryModel_;
    QGroupBox* detailGroup_;
    QLabel* imageLabel_;
    QSpinBox* imageIndex_;
    QLabel* image_;
    QLabel* truth_;
    QVector<QLabel*> barNames_;
    QVector<QProgressBar*> bars_;
};

}  // namespace rx
