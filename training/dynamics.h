// The block dynamics of a run over its training (issue 11), from the "blocks" records the trainer
// writes into metrics.jsonl (metrics.h BlockDynamics): per block and per measurement, the
// residual ratio ‖F(x)‖ / ‖x‖ (Jastrzębski et al. 2018, Fig. 2: large in the first blocks, small
// and falling in later ones; NaN for plain blocks) and the norm of the loss gradient with respect
// to the block's output (it reaches the first blocks undiminished through the shortcuts, and
// shrinks in a deep plain net). The CLI's `analyze dynamics` writes it as RUN_DIR/dynamics.json;
// the Insights tab's dynamics view draws it. No torch here.
#pragma once

#include "metrics.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

namespace rx {

struct BlockHistory {
    QString architecture;     // the spec's name, when the run folder has one
    QStringList blocks;       // "layer1.0", …
    QVector<int> iterations;  // of each measurement
    QVector<double> epochs;   // of each measurement
    // [block][measurement]; residualRatio is NaN for plain blocks.
    QVector<QVector<double>> residualRatio, activationGradient;
    int skippedMetricLines = 0;  // damaged lines of the metrics.jsonl it was read from

    int measurements() const { return int(iterations.size()); }
    bool isEmpty() const { return iterations.isEmpty(); }
    // Whether any block has a finite residual ratio (a residual net).
    bool hasResidualBlocks() const;
    // The measurements of `records`, in order; those of another block list (a run resumed with
    // another network cannot happen, but a file can be edited) are skipped.
    static BlockHistory fromRecords(const QVector<BlockDynamics>& records);
    QJsonObject toJson() const;  // NaN as null
};

// Reads RUN_DIR/metrics.jsonl (and the architecture's name). False with a message when the file
// cannot be read or has no block measurements (a run from before they were recorded, or one
// that has not reached its first probe).
bool readBlockHistory(const QString& runDir, BlockHistory* history, QString* error);
// RUN_DIR/dynamics.json (kRunDynamicsFile), written atomically.
bool writeBlockHistory(const QString& runDir, const BlockHistory& history, QString* error);

}  // namespace rx
