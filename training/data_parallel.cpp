#include "data_parallel.h"

#include "pipeline.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <thread>

namespace rx {

namespace {

class Parallel {
    Q_DECLARE_TR_FUNCTIONS(rx::DataParallel)
public:
    static QString notJoined(const DistributedSettings& s, const QString& why) {
        if (s.rank == 0)
            return tr("rank 0: not all %1 ranks joined at %2:%3 within %4 s (%5). Start every "
                      "rank with the same --world-size and --master, or raise --timeout.")
                .arg(s.worldSize)
                .arg(s.masterHost)
                .arg(s.masterPort)
                .arg(s.joinTimeoutSeconds)
                .arg(why);
        return tr("rank %1: could not join rank 0 at %2:%3 within %4 s (%5). Is rank 0 running "
                  "there, and is the port open in its firewall?")
            .arg(s.rank)
            .arg(s.masterHost)
            .arg(s.masterPort)
            .arg(s.joinTimeoutSeconds)
            .arg(why);
    }
    static QString joinedCount(int joined, int ranks) {
        return tr("%1 of %2 ranks joined").arg(joined).arg(ranks);
    }
    static QString lost(const DistributedSettings& s, const QString& why) {
        return tr("rank %1 of %2: the connection to the other ranks broke (%3): another rank "
                  "stopped, failed or became unreachable, so this one stops too.")
            .arg(s.rank)
            .arg(s.worldSize)
            .arg(why);
    }
};

// How long a collective may wait for the other ranks once all have joined: PyTorch's default.
// Rank 0 tests and measures between steps while the others wait for its next step; a rank that
// dies closes its connections, which the others notice at once.
constexpr std::chrono::minutes kCollectiveTimeout{30};

// The address of this machine's interface that reaches `host` (no packet is sent: a UDP socket
// is only connected), so that the other ranks reach this one on the master's network; empty when
// unknown.
std::string localAddressTowards(const std::string& host, quint16 port) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_DGRAM;
    addrinfo* found = nullptr;
    if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0 || !found)
        return {};
    std::string address;
    const int fd = socket(found->ai_family, SOCK_DGRAM, 0);
    sockaddr_storage local{};
    socklen_t length = sizeof(local);
    if (fd >= 0 && connect(fd, found->ai_addr, found->ai_addrlen) == 0 &&
        getsockname(fd, reinterpret_cast<sockaddr*>(&local), &length) == 0) {
        char text[INET6_ADDRSTRLEN] = {};
        const void* in = local.ss_family == AF_INET6
                             ? static_cast<const void*>(
                                   &reinterpret_cast<const sockaddr_in6*>(&local)->sin6_addr)
                             : &reinterpret_cast<const sockaddr_in*>(&local)->sin_addr;
        if (inet_ntop(local.ss_family, in, text, sizeof(text)))
            address = text;
    }
    if (fd >= 0)
        close(fd);
    freeaddrinfo(found);
    return address;
}

// Waits for `work`; a failure (a closed connection, a timeout) becomes RankLost.
void waitFor(const c10::intrusive_ptr<c10d::Work>& work, const DistributedSettings& s) {
    try {
        work->wait();
    } catch (const std::exception& e) {
        throw RankLost(Parallel::lost(s, errorText(e)).toStdString());
    }
}

struct Group {
    DistributedSettings settings;
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> gloo;

    void allreduce(torch::Tensor& t, c10d::ReduceOp op = c10d::ReduceOp::SUM) {
        std::vector<torch::Tensor> tensors{t};
        c10d::AllreduceOptions options;
        options.reduceOp = op;
        waitFor(gloo->allreduce(tensors, options), settings);
    }
    void broadcast(torch::Tensor& t) {
        std::vector<torch::Tensor> tensors{t};
        waitFor(gloo->broadcast(tensors), settings);
    }
};

// torch.nn.SyncBatchNorm's arithmetic on the CPU. Forward: the batch statistics of the global
// batch (per-channel sum, sum of squares and count summed over the ranks; in double, as
// BatchNorm2d's CPU kernel accumulates), the running statistics updated from them as BatchNorm2d
// does (unbiased variance, the layer's momentum). Backward: the per-channel sums of dy and of
// dy·(x − mean) summed over the ranks, and BatchNorm2d's input gradient from them; the weight and
// bias gradients stay this rank's (the gradient buckets sum them).
struct SyncBatchNorm : torch::autograd::Function<SyncBatchNorm> {
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& input,
                                 const torch::Tensor& weight, const torch::Tensor& bias,
                                 torch::nn::BatchNorm2dImpl* bn, Group* group) {
        const torch::Tensor x = input.to(torch::kFloat);
        const torch::Tensor xd = x.to(torch::kDouble);
        const int64_t c = x.size(1);
        torch::Tensor stats = torch::cat({xd.sum({0, 2, 3}), xd.square().sum({0, 2, 3}),
                                          torch::full({1}, double(x.numel() / c), xd.options())});
        group->allreduce(stats);
        const double n = stats[2 * c].item<double>();
        const torch::Tensor mean = stats.slice(0, 0, c) / n;
        const torch::Tensor var = (stats.slice(0, c, 2 * c) / n - mean.square()).clamp_min(0);
        const torch::Tensor invstd = (var + bn->options.eps()).rsqrt();
        bn->num_batches_tracked.add_(1);
        const double momentum = bn->options.momentum().has_value()
                                    ? *bn->options.momentum()
                                    : 1.0 / bn->num_batches_tracked.item<double>();
        bn->running_mean.mul_(1 - momentum).add_(mean.to(torch::kFloat), momentum);
        bn->running_var.mul_(1 - momentum)
            .add_((var * (n / std::max(1.0, n - 1))).to(torch::kFloat), momentum);
        const std::vector<int64_t> shape{1, c, 1, 1};
        const torch::Tensor meanF = mean.to(torch::kFloat), invstdF = invstd.to(torch::kFloat);
        ctx->save_for_backward({x, weight, meanF, invstdF});
        ctx->saved_data["group"] = reinterpret_cast<int64_t>(group);
        ctx->saved_data["count"] = n;
        const torch::Tensor y =
            (x - meanF.view(shape)) * (invstdF * weight).view(shape) + bias.view(shape);
        return y.to(input.scalar_type());
    }
    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                   torch::autograd::variable_list grads) {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor &x = saved[0], &weight = saved[1], &mean = saved[2], &invstd = saved[3];
        auto* group = reinterpret_cast<Group*>(ctx->saved_data["group"].toInt());
        const double n = ctx->saved_data["count"].toDouble();
        const int64_t c = x.size(1);
        const std::vector<int64_t> shape{1, c, 1, 1};
        const torch::Tensor dy = grads[0].to(torch::kFloat);
        const torch::Tensor xmu = x - mean.view(shape);
        const torch::Tensor sumDy = dy.sum({0, 2, 3}, false, torch::kDouble);
        const torch::Tensor sumDyXmu = (dy * xmu).sum({0, 2, 3}, false, torch::kDouble);
        const torch::Tensor gradWeight = (sumDyXmu * invstd).to(torch::kFloat);
        const torch::Tensor gradBias = sumDy.to(torch::kFloat);
        torch::Tensor global = torch::cat({sumDy, sumDyXmu});
        group->allreduce(global);
        const torch::Tensor meanDy = (global.slice(0, 0, c) / n).to(torch::kFloat);
        const torch::Tensor meanDyXmu = (global.slice(0, c, 2 * c) / n).to(torch::kFloat);
        const torch::Tensor dx =
            (dy - meanDy.view(shape) - xmu * (invstd.square() * meanDyXmu).view(shape)) *
            (invstd * weight).view(shape);
        return {dx.to(grads[0].scalar_type()), gradWeight, gradBias, torch::Tensor(),
                torch::Tensor()};
    }
};

torch::Tensor syncBatchNorm(Group* group, torch::nn::BatchNorm2dImpl& bn,
                            const torch::Tensor& input) {
    return SyncBatchNorm::apply(input, bn.weight, bn.bias, &bn, group);
}

}  // namespace

struct DataParallel::Impl {
    Group group;
    // Each parameter's place in the buckets.
    struct Slot {
        torch::Tensor parameter;
        int bucket = 0;
        int64_t offset = 0, numel = 0;
        bool ready = false;
    };
    struct Bucket {
        torch::Tensor flat;  // the bucket's gradients, one after another
        int slots = 0;
        int pending = 0;
        c10::intrusive_ptr<c10d::Work> work;
    };
    Network model{nullptr};
    std::vector<Slot> slots;
    std::vector<Bucket> buckets;
    int nextLaunch = 0;
    bool armed = false;  // during a training step's backward pass only
    bool stopWish = false, stopVoted = false;

    void onGradient(size_t index, const torch::Tensor& grad) {
        if (!armed)
            return;  // another backward pass (the block dynamics' probe on rank 0)
        Slot& slot = slots[index];
        torch::Tensor target =
            buckets[slot.bucket].flat.slice(0, slot.offset, slot.offset + slot.numel);
        if (slot.ready) {  // a parameter used twice: its gradients add up
            target.add_(grad.reshape(-1));
            return;
        }
        target.view(slot.parameter.sizes()).copy_(grad);
        slot.ready = true;
        --buckets[slot.bucket].pending;
        launchReady();
    }

    // Launches the buckets whose gradients are all there, in bucket order.
    void launchReady() {
        while (nextLaunch < int(buckets.size()) && buckets[nextLaunch].pending == 0) {
            Bucket& b = buckets[nextLaunch];
            if (nextLaunch + 1 == int(buckets.size()))  // the last element: the stop vote
                b.flat[b.flat.size(0) - 1].fill_(stopWish ? 1.0 : 0.0);
            std::vector<torch::Tensor> tensors{b.flat};
            b.work = group.gloo->allreduce(tensors);
            ++nextLaunch;
        }
    }
};

DataParallel::DataParallel(std::unique_ptr<Impl> impl) : d_(std::move(impl)) {}
DataParallel::~DataParallel() = default;

std::unique_ptr<DataParallel> DataParallel::join(const DistributedSettings& settings,
                                                 QString* error) {
    auto impl = std::make_unique<Impl>();
    Group& g = impl->group;
    g.settings = settings;
    const std::string host = settings.masterHost.toStdString();
    try {
        c10d::TCPStoreOptions options;
        options.port = settings.masterPort;
        options.isServer = settings.rank == 0;
        options.numWorkers = size_t(settings.worldSize);
        options.waitWorkers = true;
        options.timeout = std::chrono::seconds(settings.joinTimeoutSeconds);
        g.store = c10::make_intrusive<c10d::TCPStore>(host, options);
        // The store's own wait for the workers gives up silently: count the ranks that joined.
        const std::string joined = "resnet-explorer/joined";
        g.store->add(joined, 1);
        const auto deadline = std::chrono::steady_clock::now() + options.timeout;
        for (int64_t n = g.store->add(joined, 0); n < settings.worldSize;
             n = g.store->add(joined, 0)) {
            if (std::chrono::steady_clock::now() > deadline)
                throw std::runtime_error(
                    Parallel::joinedCount(int(n), settings.worldSize).toStdString());
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        auto gloo = c10d::ProcessGroupGloo::Options::create(
            std::chrono::duration_cast<std::chrono::milliseconds>(kCollectiveTimeout));
        // GLOO_SOCKET_IFNAME names the interface, as in PyTorch; else the one towards the master.
        if (const char* name = std::getenv("GLOO_SOCKET_IFNAME"); name && *name) {
            gloo->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(name));
        } else {
            const std::string local = localAddressTowards(host, settings.masterPort);
            gloo->devices.push_back(local.empty()
                                        ? c10d::ProcessGroupGloo::createDefaultDevice()
                                        : c10d::ProcessGroupGloo::createDeviceForHostname(local));
        }
        // TODO(CUDA): a CUDA LibTorch would use ProcessGroupNCCL (USE_C10D_NCCL) for tensors
        // on the GPU; this build trains on the CPU, where Gloo is c10d's backend.
        g.gloo = c10::make_intrusive<c10d::ProcessGroupGloo>(g.store, settings.rank,
                                                             settings.worldSize, gloo);
    } catch (const std::exception& e) {
        *error = Parallel::notJoined(settings, errorText(e));
        return nullptr;
    }
    return std::unique_ptr<DataParallel>(new DataParallel(std::move(impl)));
}

const DistributedSettings& DataParallel::settings() const {
    return d_->group.settings;
}

void DataParallel::broadcastModel(Network& model) {
    torch::NoGradGuard noGrad;
    auto send = [&](const torch::Tensor& t) {
        torch::Tensor copy = t.detach().contiguous().clone();
        d_->group.broadcast(copy);
        t.detach().copy_(copy);
    };
    for (const torch::Tensor& p : model->parameters())
        send(p);
    for (const torch::Tensor& b : model->buffers())
        send(b);
}

void DataParallel::broadcastBuffers(Network& model) {
    if (d_->group.settings.batchNorm != BatchNormMode::Local)
        return;
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> buffers, flat;
    for (const torch::Tensor& b : model->buffers())
        if (b.is_floating_point()) {  // the running statistics (the batch counts agree)
            buffers.push_back(b);
            flat.push_back(b.detach().reshape(-1));
        }
    if (buffers.empty())
        return;
    torch::Tensor all = torch::cat(flat);
    d_->group.broadcast(all);
    int64_t at = 0;
    for (const torch::Tensor& b : buffers) {
        b.detach().copy_(all.slice(0, at, at + b.numel()).view(b.sizes()));
        at += b.numel();
    }
}

void DataParallel::attach(Network& model, const std::vector<torch::Tensor>& parameters) {
    Impl& d = *d_;
    d.model = model;
    d.slots.clear();
    d.buckets.clear();
    // Reverse order: the backward pass makes the last layers' gradients first.
    int64_t bytes = 0;
    for (size_t k = parameters.size(); k-- > 0;) {
        const torch::Tensor& p = parameters[k];
        const int64_t size = p.numel() * int64_t(p.element_size());
        if (d.buckets.empty() || (bytes > 0 && bytes + size > kBucketBytes)) {
            d.buckets.emplace_back();
            bytes = 0;
        }
        Impl::Bucket& b = d.buckets.back();
        Impl::Slot slot;
        slot.parameter = p;
        slot.bucket = int(d.buckets.size()) - 1;
        slot.offset = bytes / int64_t(p.element_size());
        slot.numel = p.numel();
        bytes += size;
        ++b.slots;
        d.slots.push_back(slot);
    }
    std::vector<int64_t> lengths(d.buckets.size(), 0);
    for (const Impl::Slot& s : d.slots)
        lengths[size_t(s.bucket)] = std::max(lengths[size_t(s.bucket)], s.offset + s.numel);
    lengths.back() += 1;  // the stop vote
    for (size_t b = 0; b < d.buckets.size(); ++b)
        d.buckets[b].flat = torch::zeros({lengths[b]}, parameters.front().options());
    Impl* impl = d_.get();
    for (size_t i = 0; i < d.slots.size(); ++i)
        d.slots[i].parameter.register_hook(
            [impl, i](const torch::Tensor& grad) { impl->onGradient(i, grad); });
    if (d.group.settings.batchNorm == BatchNormMode::Sync) {
        Group* group = &d.group;
        model->setBatchNormForward([group](torch::nn::BatchNorm2dImpl& bn, const torch::Tensor& x) {
            return syncBatchNorm(group, bn, x);
        });
    }
}

void DataParallel::beginStep(bool stop) {
    Impl& d = *d_;
    broadcastBuffers(d.model);
    for (Impl::Slot& s : d.slots)
        s.ready = false;
    for (Impl::Bucket& b : d.buckets) {
        b.pending = b.slots;
        b.work.reset();
    }
    d.nextLaunch = 0;
    d.stopWish = stop;
    d.armed = true;
}

void DataParallel::finishGradients() {
    Impl& d = *d_;
    torch::NoGradGuard noGrad;
    // A parameter without a gradient this step adds zeros.
    for (Impl::Slot& s : d.slots)
        if (!s.ready) {
            d.buckets[s.bucket].flat.slice(0, s.offset, s.offset + s.numel).zero_();
            s.ready = true;
            --d.buckets[s.bucket].pending;
        }
    d.launchReady();
    d.armed = false;
    for (Impl::Bucket& b : d.buckets)
        waitFor(b.work, d.group.settings);
    for (Impl::Slot& s : d.slots) {
        const torch::Tensor sum = d.buckets[s.bucket]
                                      .flat.slice(0, s.offset, s.offset + s.numel)
                                      .view(s.parameter.sizes());
        if (s.parameter.grad().defined())
            s.parameter.mutable_grad().copy_(sum);
        else
            s.parameter.mutable_grad() = sum.clone();
    }
    const torch::Tensor& last = d.buckets.back().flat;
    d.stopVoted = last[last.size(0) - 1].item<double>() > 0;
}

bool DataParallel::stopVoted() const {
    return d_->stopVoted;
}

void DataParallel::sum(std::vector<double>* values) {
    torch::Tensor t = torch::tensor(*values, torch::kDouble);
    d_->group.allreduce(t);
    std::copy_n(t.data_ptr<double>(), values->size(), values->begin());
}

void DataParallel::min(std::vector<double>* values) {
    torch::Tensor t = torch::tensor(*values, torch::kDouble);
    d_->group.allreduce(t, c10d::ReduceOp::MIN);
    std::copy_n(t.data_ptr<double>(), values->size(), values->begin());
}

QString weightsDigest(Network& model) {
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const auto& item : model->named_parameters()) {
        const torch::Tensor t = item.value().detach().contiguous().cpu();
        hash.addData(QByteArrayView(static_cast<const char*>(t.data_ptr()), t.nbytes()));
    }
    for (const auto& item : model->named_buffers()) {
        const torch::Tensor t = item.value().detach().contiguous().cpu();
        hash.addData(QByteArrayView(static_cast<const char*>(t.data_ptr()), t.nbytes()));
    }
    return QString::fromLatin1(hash.result().toHex());
}

}  // namespace rx
