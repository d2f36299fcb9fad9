// The Dataset tab: CIFAR-10 training images in a scrolling grid, each scaled up with its class
// name under it, a class filter, and "Show training augmentation", which shows the trainer's
// augmentation (augmentation.h: pad, random crop, flip) on the same images, drawn anew every
// second. The dataset is read in a worker thread (plain Qt, no torch) the first time the view
// shows; without a dataset the view says where to get it.
#pragma once

#include "cifar10.h"

#include <QAbstractListModel>
#include <QImage>
#include <QWidget>

#include <array>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QListView;
class QStackedWidget;
class QTimer;

namespace rx {

// One CIFAR image (R, G, B planes of 32×32) as a 32×32 RGB image.
QImage cifarImage(const uchar* planes);
QImage cifarImage(const CifarSplit& split, int index);

// The shown images: one row per image of the filter, in dataset order. Decorations are drawn on
// request (only visible rows are asked for), augmented ones from (image index, draw number), so
// a re-draw is one dataChanged.
class DatasetImagesModel : public QAbstractListModel {
    Q_OBJECT

public:
    static constexpr int LabelRole = Qt::UserRole;      // int, 0..9
    static constexpr int ImageRole = Qt::UserRole + 1;  // QImage 32×32 as shown (augmented or not)
    static constexpr int IndexRole = Qt::UserRole + 2;  // int, the image's index in the set

    explicit DatasetImagesModel(QObject* parent = nullptr);

    void setImages(std::shared_ptr<const CifarSplit> images, const QStringList& classNames,
                   const std::array<uchar, 3>& padColour);
    void setClassFilter(int label);  // −1: every class
    int classFilter() const { return filter_; }
    void setAugmented(bool on);
    bool isAugmented() const { return augmented_; }
    void resample();  // a new random draw for every image
    void setPixelSize(int size);
    void retranslate();  // class names are translated when shown

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    QImage image(int datasetIndex) const;

    std::shared_ptr<const CifarSplit> images_;
    QStringList classNames_;
    std::array<uchar, 3> padColour_{};
    QVector<int> rows_;  // dataset indices shown
    int filter_ = -1;
    bool augmented_ = false;
    quint32 draw_ = 0;
    int pixelSize_ = 96;
};

class DatasetView : public QWidget {
    Q_OBJECT

public:
    explicit DatasetView(QWidget* parent = nullptr);
    ~DatasetView() override;

    // The CIFAR-10 folder (findCifar10() unless set); read when the view is (or next is) shown.
    void setDataDirectory(const QString& dir);
    QString dataDirectory() const { return dir_; }
    bool isLoaded() const { return status_ == Status::Shown; }
    bool isLoading() const { return status_ == Status::Reading; }

    void setClassFilter(int label);  // −1: every class
    void setAugmentation(bool on);
    QString message() const;  // what the view says instead of the grid; empty when it shows it

    DatasetImagesModel* model() const { return model_; }
    QListView* grid() const { return grid_; }
    QComboBox* classFilterBox() const { return filterBox_; }
    QCheckBox* augmentationBox() const { return augment_; }

Q_SIGNALS:
    void loaded();  // the images are in (or the read failed: message() says why)

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    enum class Status { NotRead, Reading, NoDataset, NotFound, Failed, Shown };
    struct Load;
    void retranslateUi();
    void startLoading();
    void finishLoading(const std::shared_ptr<Load>& load);
    void updateMessage();
    void updateCount();

    QString dir_;
    Status status_ = Status::NotRead;
    QString error_;  // Failed: the reader's message
    std::shared_ptr<const CifarSplit> images_;
    QStringList classNames_;
    std::shared_ptr<Load> loading_;
    QList<class QThread*> threads_;

    QLabel* filterLabel_;
    QComboBox* filterBox_;
    QCheckBox* augment_;
    QLabel* count_;
    QLabel* explanation_;
    QStackedWidget* stack_;
    QLabel* message_;
    QListView* grid_;
    DatasetImagesModel* model_;
    QTimer* resampleTimer_;
};

}  // namespace rx
