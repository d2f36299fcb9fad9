// The Insights tab's activation viewer: for one trained run and one test image, the image with
// its true class and the net's top-3 classes, and every block's input x, residual F(x) and
// output as feature maps on the block's colour scale (plots/insights/activation_maps.h), for a
// chosen channel range; plain blocks show their outputs. A worker thread keeps the run's network
// and the test set loaded (training/activations.h: ActivationProbe) and computes each image as
// it is chosen; a newer choice supersedes a pending one, and a run that cannot be read says why.
// `resnet-explorer-cli analyze activations` writes the same data to RUN_DIR/activations.json.
// No torch here.
#pragma once

#include "activations.h"

#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>

class QComboBox;
class QDateTime;
class QLabel;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QTextBrowser;
class QThread;

namespace rx {

class ActivationMaps;
class RunsModel;

class ActivationView : public QWidget {
    Q_OBJECT

public:
    // `runs` (may be null) fills the run box: the Training tab's runs list.
    explicit ActivationView(RunsModel* runs, QWidget* parent = nullptr);
    // Stops the worker thread and waits for it.
    ~ActivationView() override;

    void setDataDirectory(const QString& dir) { dataDir_ = dir; }
    QString dataDirectory() const { return dataDir_; }

    // Shows a run folder (computes the current image for it).
    void showRun(const QString& runDir);
    QString run() const { return run_; }
    // Chooses the test image (the spin box) and computes it.
    void showImage(int image);
    int image() const;
    void setChannels(int first, int count);

    // Whether a computation is pending in the worker.
    bool isComputing() const { return pending_ > 0; }
    const std::optional<ActivationSnapshot>& snapshot() const;
    QString errorText() const { return error_; }

    ActivationMaps* maps() const { return maps_; }
    QComboBox* runBox() const { return runBox_; }
    QSpinBox* imageBox() const { return image_; }
    QLabel* predictionLabel() const { return prediction_; }
    QLabel* statusLabel() const { return status_; }
    QTextBrowser* explanation() const { return explanation_; }

Q_SIGNALS:
    // A computation ended: a new snapshot shows, or errorText says why not.
    void computed();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslateUi();
    void refillRuns();
    void request();
    void finished(int sequence, const std::optional<ActivationSnapshot>& snapshot,
                  const QString& error);
    void updateTexts();

    RunsModel* runs_;
    QString dataDir_;
    QString run_;
    QString error_;
    bool shownBefore_ = false;
    int pending_ = 0;
    std::shared_ptr<std::atomic<int>> latest_;  // the newest request's number
    std::shared_ptr<ActivationProbe> probe_;    // used on the worker thread only
    std::shared_ptr<QDateTime> loaded_;         // the checkpoint's time when probe_ loaded it
    QThread* thread_;
    QObject* worker_;  // lives in thread_: requests run there

    QLabel* runLabel_;
    QComboBox* runBox_;
    QLabel* imageLabel_;
    QSpinBox* image_;
    QPushButton* random_;
    QLabel* channelsLabel_;
    QSpinBox* first_;
    QSpinBox* count_;
    QLabel* picture_;
    QLabel* prediction_;
    QLabel* status_;
    QScrollArea* scroll_;
    ActivationMaps* maps_;
    QTextBrowser* explanation_;
};

}  // namespace rx
