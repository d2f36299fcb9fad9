// The loss landscape around trained weights (Li, Xu, Taylor, Studer & Goldstein 2018, "Visualizing
// the Loss Landscape of Neural Nets"): the training loss at w0 + α·d1 + β·d2 on a grid of (α, β)
// in [−range, range]², where d1 and d2 are random directions with filter normalisation (each
// output filter of a conv weight, and each row of the fc weight, scaled to the norm of the same
// filter of w0; zero for 1-D parameters: biases and BN weights), the net in eval mode (BN on its
// running statistics), on a fixed subset of the training images without augmentation. The 1-D
// slices are the grid's middle row (β = 0) and column (α = 0). Written to RUN_DIR/landscape.json.
// No torch here (landscape.cpp holds the LibTorch code; landscape_directions.h its torch side),
// so ui/ includes it.
#pragma once

#include "cifar10.h"

#include <QByteArray>
#include <QString>
#include <QVector>

#include <atomic>
#include <functional>

namespace rx {

// The CLI's and the view's defaults (the paper: 51×51 over [−1, 1] on all 50,000 images).
inline constexpr int kLandscapeDefaultGrid = 21;
inline constexpr double kLandscapeDefaultRange = 1.0;
inline constexpr int kLandscapeDefaultImages = 1000;
inline constexpr int kLandscapeMaxGrid = 101;
// Images a forward pass of one single-threaded worker (bench_landscape, one thread: 25, 50, 100,
// 250, 1,000 gave 0.68, 0.69, 0.69, 0.61, 0.44 of the sgemm rate; two threads, grid 5, three
// alternating rounds: 25 → 0.71, 0.66; 50 → 0.69, 0.73, 0.72; 100 → 0.64, 0.68, 0.60).
inline constexpr int kLandscapeBatchSize = 50;

// One evaluated grid point, as the computation reports it: (i, j) is (α, β)'s index.
struct LandscapePoint {
    int i = 0, j = 0;
    double loss = 0;
    double error = 0;  // %
};

struct LandscapeOptions {
    int grid = kLandscapeDefaultGrid;       // points per axis: odd (w0 is the centre), 3..101
    double range = kLandscapeDefaultRange;  // α and β run over [−range, range], > 0
    int images = kLandscapeDefaultImages;   // training images spread evenly over the set, ≥ 1
    quint64 seed = 1;                       // draws the two directions
    QString dataDir;                        // the CIFAR-10 folder (its data_batch_*.bin)
    int threads = 0;                        // CPU threads; 0 = every core
    int batchSize = kLandscapeBatchSize;    // images a forward pass
    // Checked before every forward pass (may be null): a cancelled computation returns false.
    const std::atomic<bool>* cancel = nullptr;
    // Called after every grid point on the computing thread (may be empty).
    std::function<void(const LandscapePoint& point, int done, int total)> onPoint;
};

// Why the options cannot make a landscape (translated), empty when they can.
QString landscapeOptionsProblem(const LandscapeOptions& options);

struct Landscape {
    QString architecture;  // the network's name
    int iteration = 0;     // of the checkpoint
    int grid = 0;
    double range = 0;
    int images = 0;  // used (fewer than asked when the set is smaller)
    quint64 seed = 0;
    double seconds = 0;  // the computation's time
    // grid × grid values, row by row: index j·grid + i is α = coordinate(i), β = coordinate(j).
    QVector<double> loss;
    QVector<double> error;  // %

    bool isValid() const;
    double coordinate(int i) const { return grid > 1 ? range * (2.0 * i / (grid - 1) - 1) : 0; }
    int centre() const { return grid / 2; }
    double lossAt(int i, int j) const { return loss[j * grid + i]; }
    double centreLoss() const { return lossAt(centre(), centre()); }
    // The 1-D slices through w0: along d1 (β = 0) and along d2 (α = 0), `grid` values each.
    QVector<double> sliceAlpha(const QVector<double>& values) const;
    QVector<double> sliceBeta(const QVector<double>& values) const;
};

// The order the computation visits the grid: the centre first, then square rings outward (so a
// view drawing points as they come shows the basin first). Pairs (i, j).
QVector<QPair<int, int>> landscapeOrder(int grid);

QByteArray landscapeToJson(const Landscape& landscape);
// False with a message naming `source` when the bytes are no landscape.
bool landscapeFromJson(const QByteArray& json, Landscape* landscape, QString* error,
                       const QString& source = {});
// RUN_DIR/landscape.json, written atomically.
bool writeLandscape(const QString& runDir, const Landscape& landscape, QString* error);
// A landscape.json file, or a run folder's.
bool readLandscape(const QString& path, Landscape* landscape, QString* error);

// The training images a landscape uses: `count` spread evenly over data_batch_1..5 in `dataDir`
// (all of them when there are fewer). False with a message naming a missing or broken file.
bool landscapeImages(const QString& dataDir, int count, CifarSplit* images, QString* error);

// Computes the landscape of trained weights (a run folder, a checkpoint or an export, as
// loadTrainedModel reads them) on every core (options.threads). The weights are restored before
// it returns. Call it off the UI thread.
bool computeLandscape(const QString& weights, const LandscapeOptions& options, Landscape* result,
                      QString* error);

}  // namespace rx
