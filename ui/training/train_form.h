// The train panel: the network Start trains, the paper's recipe (every default from TrainConfig{}),
// device and data folder with download, Start / Pause / Resume / Stop, progress and messages.
// It only shows and reads settings; the dashboard acts on its signals. No torch here.
#pragma once

#include "language.h"
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

    // The network Start trains: its name, whether it is valid, and its spec for the memory
    // estimate.
    void setNetwork(const NetworkSpec& spec, bool valid);
    // The memory line: "Memory: 1.2 GB of 18.4 GB available", or why the run will not fit.
    QString memoryText() const;
    // Whether `config` fits into the memory of the device it trains on (checkTrainingMemory,
    // memory_estimate.h, with the GPU's free memory the device probe found); else false with
    // the message.
    bool memoryFits(const TrainConfig& config, QString* error) const;
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
    // Only the network, Start / Pause / Stop and the progress (presentation mode), or everything.
    void setSettingsVisible(bool visible);

Q_SIGNALS:
    void startClicked();
    void pauseClicked();
    void stopClicked();
    void downloadClicked();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void addRecipe();
    void addDeviceAndData();
    void addControls();
    // A row of `form` whose label (and the spin box's special text and tooltip) follow the
    // language; each text marked with QT_TR_NOOP.
    void addRow(QFormLayout* form, const char* label, QWidget* field);
    QSpinBox* addSpinBox(QFormLayout* form, const char* name, const char* label, int minimum,
                         int maximum, const char* special = nullptr, const char* tip = nullptr);
    void updateButtons();
    void updateNetworkLabel();
    void updateMemory();
    bool onCuda(DeviceChoice choice) const;

    TranslatedTexts texts_{staticMetaObject.className()};
    QString network_;
    QString availableDevice_;  // what LibTorch offers, once known
    qint64 cudaFree_ = -1;     // the GPU's free memory, once known (-1: none or unknown)
    NetworkSpec spec_;
    bool valid_ = true;
    bool training_ = false;
    bool paused_ = false;

    QLabel* networkLabel_;
    QWidget* recipeBox_;
    QWidget* deviceBox_;
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
    QComboBox* precision_;
    QLineEdit* dataDir_;
    QPushButton* downloadButton_;
    QPushButton* startButton_;
    QPushButton* pauseButton_;
    QPushButton* stopButton_;
    QProgressBar* progress_;
    QLabel* progressLabel_;
    QLabel* messageLabel_;
    QLabel* memoryLabel_ = nullptr;
};

}  // namespace rx
