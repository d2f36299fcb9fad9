// One rank of a data-parallel training (distributed.h has the settings and the semantics), on
// PyTorch's c10d: a TCPStore rendezvous (rank 0 its server) and a ProcessGroupGloo (NCCL would be
// a CUDA build's backend: TODO in data_parallel.cpp). The c10d headers stay in data_parallel.cpp;
// include this only from .cpp files of torch targets. Nothing here runs in a single-process
// training: the trainer makes no DataParallel when the world size is 1.
//
// Gradients, as DDP: the parameters are split into buckets of at most kBucketBytes, in reverse
// order (the order the backward pass produces their gradients); a hook on each parameter copies
// its gradient into its bucket, and a full bucket is summed over the ranks by an asynchronous
// allreduce at once (in bucket order, so that every rank issues the same collectives in the same
// order), while the backward pass goes on; finishGradients() waits for them and writes the sums
// back into the parameters' gradients.
#pragma once

#include "distributed.h"
#include "network.h"

#include "torch_api.h"

#include <QString>

#include <memory>
#include <stdexcept>

namespace rx {

// A bucket's size: DDP's first bucket (its later ones are 25 MB, which would make the gradients
// of these networks one bucket, sent after the whole backward pass).
inline constexpr int64_t kBucketBytes = 1 << 20;

// What a collective that failed throws: its message names the rank and what happened (a peer
// that closed its connection, a timeout).
class RankLost : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class DataParallel {
public:
    // Joins the process group described by `settings` (enabled()): waits up to the join timeout
    // for every rank. nullptr with a message when the ranks do not all join in time or the
    // master cannot be reached or served.
    static std::unique_ptr<DataParallel> join(const DistributedSettings& settings, QString* error);
    ~DataParallel();
    DataParallel(const DataParallel&) = delete;
    DataParallel& operator=(const DataParallel&) = delete;

    const DistributedSettings& settings() const;

    // Copies rank 0's parameters and buffers to every rank (as DDP does when it starts).
    void broadcastModel(Network& model);
    // Hooks the gradients of `parameters` (the model's, after TrainStep has put them in their
    // layout) into the buckets and, with synchronised batch norm, the model's batch norm layers.
    void attach(Network& model, const std::vector<torch::Tensor>& parameters);

    // Around one training step (TrainStep::run): before the forward pass (local batch norm: rank
    // 0's running statistics to every rank first), with this rank's wish
    // to stop after this step (`stop`; summed with the others' in the last bucket: stopVoted()),
    // and after the backward pass (waits for the gradient sums and writes them into the
    // parameters' gradients). A collective that fails throws RankLost.
    void beginStep(bool stop);
    void finishGradients();
    bool stopVoted() const;

    // Rank 0's running batch norm statistics to every rank (local batch norm; nothing with
    // synchronised batch norm, where they are equal anyway).
    void broadcastBuffers(Network& model);

    // Sums `values` over the ranks, in place (a blocking allreduce).
    void sum(std::vector<double>* values);
    // Minimum over the ranks, in place.
    void min(std::vector<double>* values);

private:
    struct Impl;
    explicit DataParallel(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d_;
};

// A SHA-256 of every parameter and buffer of `model`, in state_dict order, as hex: ranks that
// end with equal digests hold bit-identical weights.
QString weightsDigest(Network& model);

}  // namespace rx
