// Data-parallel training over several processes (one machine or a LAN), with PyTorch's own
// distributed engine c10d: the settings a rank is started with, torch-free. The engine itself
// (TCPStore rendezvous, ProcessGroupGloo, gradient buckets, synchronised batch norm) lives in
// data_parallel.{h,cpp}; the local launcher in app/cli_launch.cpp.
//
// --batch is the global batch: rank r of N trains on rows [first, first + count) of each batch
// the single process would train on (shard()), the same images with the same augmentation, and
// the gradients are summed over the ranks, so N ranks take the single process's steps.
#pragma once

#include "enum_table.h"

#include <QString>

#include <cstdint>
#include <utility>

namespace rx {

// Batch norm over the ranks: Sync (the default) normalises with the statistics of the whole
// global batch (per-channel sum, sum of squares and count summed over the ranks in the forward
// pass, the matching gradient terms in the backward pass, as torch.nn.SyncBatchNorm): N ranks
// then train as one process does, to float rounding. Local is PyTorch DDP's default: each rank
// normalises with its own shard's statistics, and the running statistics of rank 0 are copied to
// every rank before each step and at the end.
enum class BatchNormMode { Sync, Local };
inline constexpr EnumEntry<BatchNormMode> kBatchNormModes[] = {
    {BatchNormMode::Sync, "sync",
     QT_TRANSLATE_NOOP("rx::BatchNormMode", "synchronised over the ranks")},
    {BatchNormMode::Local, "local",
     QT_TRANSLATE_NOOP("rx::BatchNormMode", "per rank, running statistics from rank 0")},
};

// How long a rank waits for the others to join, unless told otherwise.
inline constexpr int kDefaultJoinTimeoutSeconds = 60;

struct DistributedSettings {
    int worldSize = 1;   // 1: a single process, no c10d at all
    int rank = 0;        // 0 serves the rendezvous and writes the run folder
    QString masterHost;  // where rank 0 listens (its TCPStore)
    quint16 masterPort = 0;
    int joinTimeoutSeconds = kDefaultJoinTimeoutSeconds;
    BatchNormMode batchNorm = BatchNormMode::Sync;

    bool enabled() const { return worldSize > 1; }
    // Only rank 0 writes the run folder (settings, metrics, status, checkpoints, its lock).
    bool writesRunFolder() const { return rank == 0; }
    // Rows [first, first + count) of a global batch of `size` images that this rank trains on:
    // consecutive, the first size % worldSize ranks one image more.
    std::pair<int64_t, int64_t> shard(int64_t size) const {
        const int64_t base = size / worldSize, extra = size % worldSize;
        const int64_t first = rank * base + std::min<int64_t>(rank, extra);
        return {first, base + (rank < extra ? 1 : 0)};
    }
    // Whether the settings fit together; false with a message otherwise.
    bool validate(QString* error) const;
};

// "HOST:PORT" (an IPv6 address in brackets) into its parts; false when it is not one.
bool parseMasterAddress(const QString& text, QString* host, quint16* port);

}  // namespace rx
