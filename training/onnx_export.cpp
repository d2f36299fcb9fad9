#include "onnx_export.h"

#include "analysis.h"
#include "spec_json.h"

#include <onnx/checker.h>
#include <onnx/onnx_pb.h>

#include <QCoreApplication>

#include <set>

namespace rx {

namespace {

class OnnxExport {
    Q_DECLARE_TR_FUNCTIONS(rx::OnnxExport)
public:
    static QString missingTensor(const std::string& name) {
        return tr("the weights hold no tensor %1").arg(QString::fromStdString(name));
    }
    static QString refused(const char* what) {
        return tr("the ONNX checker refuses the model: %1").arg(QString::fromUtf8(what));
    }
    static QString notSerialised() { return tr("the ONNX model could not be serialised"); }
};

// ONNX's IR version for opset 13.
constexpr std::int64_t kIrVersion = 7;
// The dynamic batch dimension's name.
constexpr const char* kBatchDim = "N";

// Builds the graph one node at a time; every value is named after the node that makes it.
class GraphBuilder {
public:
    GraphBuilder(onnx::GraphProto* graph, const OnnxSource& source)
        : graph_(graph), source_(source) {}

    const QString& missing() const { return missing_; }

    // The whole network: normalisation, stem, blocks, head. The normalisation's [C, H, W]
    // tensors broadcast over the batch as they are (OpenCV 4.6 refuses them as [1, C, H, W]).
    void build(const Analysis& analysis) {
        std::string x = kOnnxInput;
        x = node("Sub", "input_normalisation.sub", {x, tensor("input_mean", source_.inputMean)});
        x = node("Div", "input_normalisation.div", {x, tensor("input_std", source_.inputStd)});
        for (const BlockInfo& info : analysis.blocks) {
            switch (info.role) {
                case BlockInfo::Role::Stem:
                    x = stemOrHead(info, x, "relu");
                    break;
                case BlockInfo::Role::Block:
                    x = block(info, x);
                    break;
                case BlockInfo::Role::Head:
                    x = stemOrHead(info, x, "final_relu");
                    break;
            }
        }
    }

private:
    // The stem's and the head's layers in order; a BN there is followed by a ReLU (spec.h).
    std::string stemOrHead(const BlockInfo& info, std::string x, const char* reluName) {
        for (const LayerInfo& layer : info.layers) {
            switch (layer.type) {
                case LayerType::Conv:
                    x = conv(layer, x);
                    break;
                case LayerType::BatchNorm:
                    x = node("Relu", reluName, {batchNorm(layer, x)});
                    break;
                case LayerType::MaxPool: {
                    onnx::NodeProto* n = addNode("MaxPool", layer.name, {x});
                    const std::int64_t pad = layer.kernel / 2;
                    ints(n, "kernel_shape", {layer.kernel, layer.kernel});
                    ints(n, "strides", {layer.stride, layer.stride});
                    ints(n, "pads", {pad, pad, pad, pad});
                    x = n->output(0);
                    break;
                }
                case LayerType::AvgPool:
                    x = node("GlobalAveragePool", layer.name.toStdString(), {x});
                    x = node("Flatten", "flatten", {x});
                    break;
                case LayerType::Linear: {
                    const std::string name = layer.name.toStdString();
                    onnx::NodeProto* n = addNode(
                        "Gemm", layer.name,
                        {x, parameter(name + ".weight"), parameter(name + ".bias")}, kOnnxOutput);
                    onnx::AttributeProto* a = n->add_attribute();
                    a->set_name("transB");
                    a->set_type(onnx::AttributeProto::INT);
                    a->set_i(1);
                    x = n->output(0);
                    break;
                }
            }
        }
        return x;
    }

    // One block: its kind's plan, with the main path's convs and BNs taken in order from the
    // analysis (their names and strides), then the shortcut joined at the Add step.
    std::string block(const BlockInfo& info, const std::string& x) {
        const std::string p = info.name.toStdString() + '.';
        auto layer = info.layers.begin();
        auto mainPathLayer = [&] {
            while (layer->shortcut)
                ++layer;
            return *layer++;
        };
        std::string out = x, branch = x;
        int relus = 0;
        for (const LayerStep& step : blockKindInfo(info.kind).plan) {
            switch (step.op) {
                case StepOp::BatchNorm:
                    out = batchNorm(mainPathLayer(), out);
                    break;
                case StepOp::Conv:
                    out = conv(mainPathLayer(), out);
                    break;
                case StepOp::Relu:
                    out = node("Relu", p + "relu" + std::to_string(++relus), {out});
                    break;
                case StepOp::Branch:
                    branch = out;
                    break;
                case StepOp::Add:
                    if (info.shortcut != ShortcutKind::None)
                        out = node("Add", p + "add", {out, shortcut(info, x, branch)});
                    break;
            }
        }
        return out;
    }

    // What the shortcut carries to the addition: x, option A's [subsampled x, 0], or the
    // projection (downsample.0 conv, downsample.1 BN unless pre-activated) of the branch.
    std::string shortcut(const BlockInfo& info, const std::string& x, const std::string& branch) {
        const std::string p = info.name.toStdString() + ".shortcut.";
        switch (info.shortcut) {
            case ShortcutKind::None:
            case ShortcutKind::Identity:
                return x;
            case ShortcutKind::ZeroPad: {
                std::string s = x;
                if (info.stride > 1) {
                    // x[:, :, ::stride, ::stride]
                    const std::int64_t h = info.input.height, w = info.input.width;
                    s = node("Slice", p + "subsample",
                             {s, constant(p + "starts", {0, 0}), constant(p + "ends", {h, w}),
                              constant(p + "axes", {2, 3}),
                              constant(p + "steps", {info.stride, info.stride})});
                }
                const std::int64_t extra = info.outChannels - info.inChannels;
                if (extra > 0)  // zero channels after the input's own: pads on axis 1's end
                    s = node("Pad", p + "zero_channels",
                             {s, constant(p + "pads", {0, 0, 0, 0, 0, extra, 0, 0})});
                return s;
            }
            case ShortcutKind::Projection: {
                std::string s = branch;
                for (const LayerInfo& layer : info.layers) {
                    if (!layer.shortcut)
                        continue;
                    s = layer.type == LayerType::Conv ? conv(layer, s) : batchNorm(layer, s);
                }
                return s;
            }
        }
        return x;
    }

    std::string conv(const LayerInfo& layer, const std::string& x) {
        const std::string name = layer.name.toStdString();
        onnx::NodeProto* n = addNode("Conv", layer.name, {x, parameter(name + ".weight")});
        const std::int64_t pad = layer.kernel / 2;
        ints(n, "kernel_shape", {layer.kernel, layer.kernel});
        ints(n, "strides", {layer.stride, layer.stride});
        ints(n, "pads", {pad, pad, pad, pad});
        return n->output(0);
    }

    std::string batchNorm(const LayerInfo& layer, const std::string& x) {
        const std::string name = layer.name.toStdString();
        onnx::NodeProto* n =
            addNode("BatchNormalization", layer.name,
                    {x, parameter(name + ".weight"), parameter(name + ".bias"),
                     parameter(name + ".running_mean"), parameter(name + ".running_var")});
        onnx::AttributeProto* a = n->add_attribute();
        a->set_name("epsilon");
        a->set_type(onnx::AttributeProto::FLOAT);
        a->set_f(float(source_.batchNormEpsilon));
        return n->output(0);
    }

    std::string node(const char* op, const std::string& name,
                     const std::vector<std::string>& inputs) {
        return addNode(op, QString::fromStdString(name), inputs)->output(0);
    }

    onnx::NodeProto* addNode(const char* op, const QString& name,
                             const std::vector<std::string>& inputs, const char* output = nullptr) {
        onnx::NodeProto* n = graph_->add_node();
        n->set_op_type(op);
        n->set_name(name.toStdString());
        for (const std::string& input : inputs)
            n->add_input(input);
        n->add_output(output ? std::string(output) : n->name());
        return n;
    }

    static void ints(onnx::NodeProto* n, const char* name, std::vector<std::int64_t> values) {
        onnx::AttributeProto* a = n->add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::INTS);
        for (std::int64_t v : values)
            a->add_ints(v);
    }

    // A state_dict entry as an initializer of the same name.
    std::string parameter(const std::string& name) {
        const auto it = source_.state->find(name);
        if (it == source_.state->end()) {
            if (missing_.isEmpty())
                missing_ = OnnxExport::missingTensor(name);
            return name;
        }
        return tensor(name, it->second);
    }

    std::string tensor(const std::string& name, const FloatTensor& value) {
        if (!written_.insert(name).second)
            return name;
        onnx::TensorProto* t = graph_->add_initializer();
        t->set_name(name);
        t->set_data_type(onnx::TensorProto::FLOAT);
        for (std::int64_t size : value.sizes)
            t->add_dims(size);
        t->set_raw_data(value.values.data(), value.values.size() * sizeof(float));
        return name;
    }

    std::string constant(const std::string& name, const std::vector<std::int64_t>& values) {
        onnx::TensorProto* t = graph_->add_initializer();
        t->set_name(name);
        t->set_data_type(onnx::TensorProto::INT64);
        t->add_dims(std::int64_t(values.size()));
        for (std::int64_t v : values)
            t->add_int64_data(v);
        return name;
    }

    onnx::GraphProto* graph_;
    const OnnxSource& source_;
    std::set<std::string> written_;
    QString missing_;
};

void describe(onnx::ValueInfoProto* value, const char* name, const std::vector<int>& dims,
              const char* doc) {
    value->set_name(name);
    value->set_doc_string(doc);
    onnx::TypeProto_Tensor* type = value->mutable_type()->mutable_tensor_type();
    type->set_elem_type(onnx::TensorProto::FLOAT);
    onnx::TensorShapeProto* shape = type->mutable_shape();
    shape->add_dim()->set_dim_param(kBatchDim);
    for (int d : dims)
        shape->add_dim()->set_dim_value(d);
}

}  // namespace

bool onnxModel(const OnnxSource& source, QByteArray* bytes, QString* why) {
    const NetworkSpec& spec = *source.spec;
    onnx::ModelProto model;
    model.set_ir_version(kIrVersion);
    model.set_producer_name("ResNet Explorer");
    model.set_producer_version(QCoreApplication::applicationVersion().toStdString());
    model.set_doc_string((spec.name + QStringLiteral(": ") + spec.description).toStdString());
    onnx::OperatorSetIdProto* opset = model.add_opset_import();
    opset->set_domain("");
    opset->set_version(kOnnxOpset);
    onnx::StringStringEntryProto* architecture = model.add_metadata_props();
    architecture->set_key("resnet_explorer.architecture");
    architecture->set_value(specToJson(spec).toStdString());

    onnx::GraphProto* graph = model.mutable_graph();
    graph->set_name(spec.name.isEmpty() ? std::string("network") : spec.name.toStdString());
    describe(graph->add_input(), kOnnxInput,
             {spec.input.channels, spec.input.height, spec.input.width},
             "RGB pixels scaled to [0, 1], N x C x H x W; the graph normalises them");
    describe(graph->add_output(), kOnnxOutput, {spec.input.classes},
             "one logit per class (softmax gives the probabilities)");
    GraphBuilder builder(graph, source);
    builder.build(analyze(spec));
    if (!builder.missing().isEmpty()) {
        *why = builder.missing();
        return false;
    }
    try {
        onnx::checker::check_model(model);
    } catch (const std::exception& e) {
        *why = OnnxExport::refused(e.what());
        return false;
    }
    std::string data;
    if (!model.SerializeToString(&data)) {
        *why = OnnxExport::notSerialised();
        return false;
    }
    *bytes = QByteArray(data.data(), qsizetype(data.size()));
    return true;
}

}  // namespace rx
