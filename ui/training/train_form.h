// The train panel: the network Start trains, the paper's recipe (every default from TrainConfig{}),
// device and data folder with download, Start / Pause / Resume / Stop, progress and messages.
// It only shows and reads settings; the dashboard acts on its signals. No torch here.
#pragma once

#include "trainer.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace rx {

class TrainForm : public QWidget {
    Q_OBJECT

public:
    explicit TrainForm(QWidget* parent = nullptr);

    // Shows `config`'s settings; the form starts with TrainConfig{}'s (the paper's recipe).
    void setConfig(const TrainConfig& config);
    // The settings shown (spec and runDir left empty).
    TrainConfig config() const;

    void setNetwork(const QString& name, bool valid);
    QString dataDirectory() const;
    // Shows the folder, and the download button when it holds no CIFAR-10.
    void setDataDirectory(const QString& dir);
    void showDownload() const;
    void setDownloading(bool downloading);

    // Buttons: Start while idle and the network is valid; Pause/Resume and Stop while training.
    void setTraining(bool training, bool paused);
    void setProgress(int value, int maximum);
    void setProgressText(const QString& text);
    void showMessage(const QString& text);
    QString message() const;

Q_SIGNALS:
    void startClicked();
    void pauseClicked();
    void stopClicked();
    void downloadClicked();

private:
    void addRecipe();
    void addDeviceAndData();
    void addControls();
    QSpinBox* addSpinBox(QFormLayout* form, const char* name, const QString& label, int minimum,
                         int maximum, const QString& special = {}, const QString& tip = {});
    void updateButtons();

    bool valid_ = true;
    bool training_ = false;
    bool paused_ = false;

    QLabel* networkLabel_;
    QSpinBox* iterations_;
    QSpinBox* epochs_;
    QSpinBox* batch_;
    QDoubleSpinBox* lr_;
    QComboBox* schedule_;
    QSpinBox* warmup_;
    QCheckBox* augment_;
    QCheckBox* perPixel_;
    QCheckBox* validation_;
    QSpinBox* trainSubset_;
    QSpinBox* testSubset_;
    QSpinBox* seed_;
    QSpinBox* logEvery_;
    QComboBox* device_;
    QLabel* deviceLabel_;
    QLineEdit* dataDir_;
    QPushButton* downloadButton_;
    QPushButton* startButton_;
    QPushButton* pauseButton_;
    QPushButton* stopButton_;
    QProgressBar* progress_;
    QLabel* progressLabel_;
    QLabel* messageLabel_;
};

}  // namespace rx
