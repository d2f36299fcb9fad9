<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BlockKind</name>
    <message>
        <source>Basic</source>
        <translation>Basic</translation>
    </message>
    <message>
        <source>Bottleneck</source>
        <translation>Bottleneck</translation>
    </message>
    <message>
        <source>Pre-activation basic</source>
        <translation>Pre-activation basic</translation>
    </message>
    <message>
        <source>Pre-activation bottleneck</source>
        <translation>Pre-activation bottleneck</translation>
    </message>
    <message>
        <source>Plain basic</source>
        <translation>Plain basic</translation>
    </message>
    <message>
        <source>Plain bottleneck</source>
        <translation>Plain bottleneck</translation>
    </message>
    <message>
        <source>Plain pre-activation basic</source>
        <translation>Plain pre-activation basic</translation>
    </message>
    <message>
        <source>Plain pre-activation bottleneck</source>
        <translation>Plain pre-activation bottleneck</translation>
    </message>
    <message>
        <source>Two 3×3 convs with BN and ReLU; the input is added back before the last ReLU (paper Fig. 2).</source>
        <translation>Two 3×3 convs with BN and ReLU; the input is added back before the last ReLU (paper Fig. 2).</translation>
    </message>
    <message>
        <source>1×1 reduces, 3×3 works, 1×1 restores 4× the width; the input is added back (paper Fig. 5, right).</source>
        <translation>1×1 reduces, 3×3 works, 1×1 restores 4× the width; the input is added back (paper Fig. 5, right).</translation>
    </message>
    <message>
        <source>BN-ReLU before each of two 3×3 convs, a pure identity shortcut and nothing after the addition (ECCV 2016).</source>
        <translation>BN-ReLU before each of two 3×3 convs, a pure identity shortcut and nothing after the addition (ECCV 2016).</translation>
    </message>
    <message>
        <source>Pre-activation 1×1, 3×3, 1×1 bottleneck used by ResNet-164 and ResNet-1001 (ECCV 2016).</source>
        <translation>Pre-activation 1×1, 3×3, 1×1 bottleneck used by ResNet-164 and ResNet-1001 (ECCV 2016).</translation>
    </message>
    <message>
        <source>Two 3×3 convs with BN and ReLU and no shortcut: the plain nets of Fig. 6 that degrade with depth.</source>
        <translation>Two 3×3 convs with BN and ReLU and no shortcut: the plain nets of Fig. 6 that degrade with depth.</translation>
    </message>
    <message>
        <source>A bottleneck without its shortcut.</source>
        <translation>A bottleneck without its shortcut.</translation>
    </message>
    <message>
        <source>A pre-activation basic block without its shortcut.</source>
        <translation>A pre-activation basic block without its shortcut.</translation>
    </message>
    <message>
        <source>A pre-activation bottleneck without its shortcut.</source>
        <translation>A pre-activation bottleneck without its shortcut.</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>20-layer plain net (paper Fig. 6, left)</source>
        <translation>20-layer plain net (paper Fig. 6, left)</translation>
    </message>
    <message>
        <source>32-layer plain net (paper Fig. 6, left)</source>
        <translation>32-layer plain net (paper Fig. 6, left)</translation>
    </message>
    <message>
        <source>44-layer plain net (paper Fig. 6, left)</source>
        <translation>44-layer plain net (paper Fig. 6, left)</translation>
    </message>
    <message>
        <source>56-layer plain net (paper Fig. 6, left)</source>
        <translation>56-layer plain net (paper Fig. 6, left)</translation>
    </message>
    <message>
        <source>110-layer plain net: fails to train well</source>
        <translation>110-layer plain net: fails to train well</translation>
    </message>
    <message>
        <source>ResNet-20, option A shortcuts (Table 6)</source>
        <translation>ResNet-20, option A shortcuts (Table 6)</translation>
    </message>
    <message>
        <source>ResNet-32, option A shortcuts (Table 6)</source>
        <translation>ResNet-32, option A shortcuts (Table 6)</translation>
    </message>
    <message>
        <source>ResNet-44, option A shortcuts (Table 6)</source>
        <translation>ResNet-44, option A shortcuts (Table 6)</translation>
    </message>
    <message>
        <source>ResNet-56, option A shortcuts (Table 6)</source>
        <translation>ResNet-56, option A shortcuts (Table 6)</translation>
    </message>
    <message>
        <source>ResNet-110, option A shortcuts (Table 6)</source>
        <translation>ResNet-110, option A shortcuts (Table 6)</translation>
    </message>
    <message>
        <source>ResNet-1202, option A shortcuts: overfits (Table 6)</source>
        <translation>ResNet-1202, option A shortcuts: overfits (Table 6)</translation>
    </message>
    <message>
        <source>ResNet-20 with option B projections</source>
        <translation>ResNet-20 with option B projections</translation>
    </message>
    <message>
        <source>Pre-activation ResNet-110 (Identity Mappings, 2016)</source>
        <translation>Pre-activation ResNet-110 (Identity Mappings, 2016)</translation>
    </message>
    <message>
        <source>Pre-activation ResNet-164, bottleneck, 9n+2 with n = 18 (2016)</source>
        <translation>Pre-activation ResNet-164, bottleneck, 9n+2 with n = 18 (2016)</translation>
    </message>
    <message>
        <source>ResNet-18, ImageNet stem (Table 1)</source>
        <translation>ResNet-18, ImageNet stem (Table 1)</translation>
    </message>
    <message>
        <source>ResNet-34, ImageNet stem (Table 1)</source>
        <translation>ResNet-34, ImageNet stem (Table 1)</translation>
    </message>
    <message>
        <source>ResNet-50, bottleneck, ImageNet stem (Table 1)</source>
        <translation>ResNet-50, bottleneck, ImageNet stem (Table 1)</translation>
    </message>
    <message>
        <source>ResNet-34 adapted to CIFAR: 3×3 stem, widths 16–128</source>
        <translation>ResNet-34 adapted to CIFAR: 3×3 stem, widths 16–128</translation>
    </message>
    <message>
        <source>ResNet-32 with option B projections</source>
        <translation>ResNet-32 with option B projections</translation>
    </message>
    <message>
        <source>ResNet-32 with option C: projections on every shortcut</source>
        <translation>ResNet-32 with option C: projections on every shortcut</translation>
    </message>
</context>
<context>
    <name>ShortcutOption</name>
    <message>
        <source>A: identity, zero-padded channels</source>
        <translation>A: identity, zero-padded channels</translation>
    </message>
    <message>
        <source>A: [x, 0]</source>
        <translation>A: [x, 0]</translation>
    </message>
    <message>
        <source>B: projection where the shape changes</source>
        <translation>B: projection where the shape changes</translation>
    </message>
    <message>
        <source>B: 1×1 conv</source>
        <translation>B: 1×1 conv</translation>
    </message>
    <message>
        <source>C: projection on every shortcut</source>
        <translation>C: projection on every shortcut</translation>
    </message>
    <message>
        <source>C: 1×1 conv</source>
        <translation>C: 1×1 conv</translation>
    </message>
</context>
<context>
    <name>StemKind</name>
    <message>
        <source>CIFAR: 3×3 conv</source>
        <translation>CIFAR: 3×3 conv</translation>
    </message>
    <message>
        <source>CIFAR stem</source>
        <translation>CIFAR stem</translation>
    </message>
    <message>
        <source>3×3 conv, 16 filters, stride 1: the first layer of the paper&apos;s CIFAR-10 nets.</source>
        <translation>3×3 conv, 16 filters, stride 1: the first layer of the paper&apos;s CIFAR-10 nets.</translation>
    </message>
    <message>
        <source>ImageNet: 7×7 conv /2, max pool /2</source>
        <translation>ImageNet: 7×7 conv /2, max pool /2</translation>
    </message>
    <message>
        <source>ImageNet stem</source>
        <translation>ImageNet stem</translation>
    </message>
    <message>
        <source>7×7 conv, stride 2, then 3×3 max-pool, stride 2: the first layers of ResNet-18…152.</source>
        <translation>7×7 conv, stride 2, then 3×3 max-pool, stride 2: the first layers of ResNet-18…152.</translation>
    </message>
</context>
<context>
    <name>rx::ActivationGradientPlot</name>
    <message>
        <source>block (sorted by norm)</source>
        <translation>block (sorted by norm)</translation>
    </message>
    <message>
        <source>block (input side at the left)</source>
        <translation>block (input side at the left)</translation>
    </message>
    <message>
        <source>‖∂loss/∂block output‖</source>
        <translation>‖∂loss/∂block output‖</translation>
    </message>
</context>
<context>
    <name>rx::ActivationMaps</name>
    <message>
        <source>x: the block&apos;s input</source>
        <translation>x: the block&apos;s input</translation>
    </message>
    <message>
        <source>F(x): what the residual branch adds</source>
        <translation>F(x): what the residual branch adds</translation>
    </message>
    <message>
        <source>the block&apos;s output</source>
        <translation>the block&apos;s output</translation>
    </message>
    <message>
        <source>output: x + F(x), then ReLU</source>
        <translation>output: x + F(x), then ReLU</translation>
    </message>
    <message>
        <source>residual</source>
        <translation>residual</translation>
    </message>
    <message>
        <source>plain</source>
        <translation>plain</translation>
    </message>
    <message>
        <source>, downsampling</source>
        <translation>, downsampling</translation>
    </message>
    <message>
        <source>‖F(x)‖/‖x‖ = %1</source>
        <translation>‖F(x)‖/‖x‖ = %1</translation>
    </message>
    <message>
        <source>%1 · %2
channel %3 of %4, %5×%6
values %7 to %8</source>
        <translation>%1 · %2
channel %3 of %4, %5×%6
values %7 to %8</translation>
    </message>
    <message>
        <source>unknown export format for %1 (use .png, .pdf or .svg)</source>
        <translation>unknown export format for %1 (use .png, .pdf or .svg)</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>cannot write %1</translation>
    </message>
</context>
<context>
    <name>rx::ActivationView</name>
    <message>
        <source>%1 is not a run folder.</source>
        <translation>%1 is not a run folder.</translation>
    </message>
    <message>
        <source>The run %1 has no checkpoint (%2) yet: train it first.</source>
        <translation>The run %1 has no checkpoint (%2) yet: train it first.</translation>
    </message>
    <message>
        <source>CIFAR-10 is not on this computer: download it with the Training tab&apos;s Download button or with resnet-explorer-cli download --out %1.</source>
        <translation>CIFAR-10 is not on this computer: download it with the Training tab&apos;s Download button or with resnet-explorer-cli download --out %1.</translation>
    </message>
    <message>
        <source>&amp;Run:</source>
        <translation>&amp;Run:</translation>
    </message>
    <message>
        <source>Choose a trained run…</source>
        <translation>Choose a trained run…</translation>
    </message>
    <message>
        <source>The runs of the Training tab.</source>
        <translation>The runs of the Training tab.</translation>
    </message>
    <message>
        <source>Test &amp;image:</source>
        <translation>Test &amp;image:</translation>
    </message>
    <message>
        <source>The test image&apos;s index in the test set, 0 to 9999.</source>
        <translation>The test image&apos;s index in the test set, 0 to 9999.</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Random</translation>
    </message>
    <message>
        <source>Show a test image chosen at random.</source>
        <translation>Show a test image chosen at random.</translation>
    </message>
    <message>
        <source>&amp;Channels from:</source>
        <translation>&amp;Channels from:</translation>
    </message>
    <message>
        <source>The first channel shown of each block.</source>
        <translation>The first channel shown of each block.</translation>
    </message>
    <message>
        <source>How many channels are shown of each block.</source>
        <translation>How many channels are shown of each block.</translation>
    </message>
    <message>
        <source> shown</source>
        <translation> shown</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Activations&lt;/h3&gt;&lt;p&gt;One test image goes through the trained network. Each row is a block: on the left what comes in (&lt;b&gt;x&lt;/b&gt;), in the middle what the residual branch computes (&lt;b&gt;F(x)&lt;/b&gt;), on the right what the block passes on (&lt;b&gt;x + F(x)&lt;/b&gt;, then ReLU). Each small square is one channel&apos;s feature map: red above zero, blue below, white at zero, on one colour scale per block.&lt;/p&gt;&lt;h4&gt;What to look for&lt;/h4&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Residual net&lt;/b&gt;: in most blocks F(x) is faint next to x, and the output looks like the input: each block changes the picture only a little. The number ‖F(x)‖/‖x‖ says how much. Only the downsampling blocks (the first of each stage) change it clearly.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Plain net&lt;/b&gt;: there is no x to add to, so each block&apos;s output is a new picture; only the outputs are shown.&lt;/li&gt;&lt;li&gt;Compare an image the network gets right with one it gets wrong (the top-3 classes above the maps).&lt;/li&gt;&lt;/ul&gt;&lt;h4&gt;Why&lt;/h4&gt;&lt;p&gt;A residual block only has to learn a correction to its input. In a trained network the corrections of later blocks are small: the blocks refine one representation step by step instead of each building a new one (the paper&apos;s Fig. 7, and Greff et al.&apos;s and Jastrzębski et al.&apos;s &quot;iterative inference&quot;).&lt;/p&gt;&lt;h4&gt;References&lt;/h4&gt;&lt;p&gt;K. He, X. Zhang, S. Ren, J. Sun: &lt;i&gt;Deep Residual Learning for Image Recognition&lt;/i&gt;, CVPR 2016, &lt;a href=&quot;https://arxiv.org/abs/1512.03385&quot;&gt;arXiv:1512.03385&lt;/a&gt;.&lt;br&gt;K. Greff, R. K. Srivastava, J. Schmidhuber: &lt;i&gt;Highway and Residual Networks learn Unrolled Iterative Estimation&lt;/i&gt;, ICLR 2017, &lt;a href=&quot;https://arxiv.org/abs/1612.07771&quot;&gt;arXiv:1612.07771&lt;/a&gt;.&lt;br&gt;S. Jastrzębski et al.: &lt;i&gt;Residual Connections Encourage Iterative Inference&lt;/i&gt;, ICLR 2018, &lt;a href=&quot;https://arxiv.org/abs/1710.04773&quot;&gt;arXiv:1710.04773&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;From the command line: &lt;tt&gt;resnet-explorer-cli analyze activations RUN_DIR --image N&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Activations&lt;/h3&gt;&lt;p&gt;One test image goes through the trained network. Each row is a block: on the left what comes in (&lt;b&gt;x&lt;/b&gt;), in the middle what the residual branch computes (&lt;b&gt;F(x)&lt;/b&gt;), on the right what the block passes on (&lt;b&gt;x + F(x)&lt;/b&gt;, then ReLU). Each small square is one channel&apos;s feature map: red above zero, blue below, white at zero, on one colour scale per block.&lt;/p&gt;&lt;h4&gt;What to look for&lt;/h4&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Residual net&lt;/b&gt;: in most blocks F(x) is faint next to x, and the output looks like the input: each block changes the picture only a little. The number ‖F(x)‖/‖x‖ says how much. Only the downsampling blocks (the first of each stage) change it clearly.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Plain net&lt;/b&gt;: there is no x to add to, so each block&apos;s output is a new picture; only the outputs are shown.&lt;/li&gt;&lt;li&gt;Compare an image the network gets right with one it gets wrong (the top-3 classes above the maps).&lt;/li&gt;&lt;/ul&gt;&lt;h4&gt;Why&lt;/h4&gt;&lt;p&gt;A residual block only has to learn a correction to its input. In a trained network the corrections of later blocks are small: the blocks refine one representation step by step instead of each building a new one (the paper&apos;s Fig. 7, and Greff et al.&apos;s and Jastrzębski et al.&apos;s &quot;iterative inference&quot;).&lt;/p&gt;&lt;h4&gt;References&lt;/h4&gt;&lt;p&gt;K. He, X. Zhang, S. Ren, J. Sun: &lt;i&gt;Deep Residual Learning for Image Recognition&lt;/i&gt;, CVPR 2016, &lt;a href=&quot;https://arxiv.org/abs/1512.03385&quot;&gt;arXiv:1512.03385&lt;/a&gt;.&lt;br&gt;K. Greff, R. K. Srivastava, J. Schmidhuber: &lt;i&gt;Highway and Residual Networks learn Unrolled Iterative Estimation&lt;/i&gt;, ICLR 2017, &lt;a href=&quot;https://arxiv.org/abs/1612.07771&quot;&gt;arXiv:1612.07771&lt;/a&gt;.&lt;br&gt;S. Jastrzębski et al.: &lt;i&gt;Residual Connections Encourage Iterative Inference&lt;/i&gt;, ICLR 2018, &lt;a href=&quot;https://arxiv.org/abs/1710.04773&quot;&gt;arXiv:1710.04773&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;From the command line: &lt;tt&gt;resnet-explorer-cli analyze activations RUN_DIR --image N&lt;/tt&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;True class: %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;True class: %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1. %2 %3 %</source>
        <translation>%1. %2 %3 %</translation>
    </message>
    <message>
        <source>Choose a trained run: its blocks&apos; activations for one test image show here.</source>
        <translation>Choose a trained run: its blocks&apos; activations for one test image show here.</translation>
    </message>
    <message>
        <source>Computing the activations of test image %1…</source>
        <translation>Computing the activations of test image %1…</translation>
    </message>
    <message>
        <source>%1 · test image %2 · %3</source>
        <translation>%1 · test image %2 · %3</translation>
    </message>
    <message>
        <source>residual net</source>
        <translation>residual net</translation>
    </message>
    <message>
        <source>plain net</source>
        <translation>plain net</translation>
    </message>
</context>
<context>
    <name>rx::Activations</name>
    <message>
        <source>no trained network is loaded</source>
        <translation>no trained network is loaded</translation>
    </message>
    <message>
        <source>test image %1 does not exist (the test set has images 0 to %2)</source>
        <translation>test image %1 does not exist (the test set has images 0 to %2)</translation>
    </message>
    <message>
        <source>cannot compute the activations of %1: %2</source>
        <translation>cannot compute the activations of %1: %2</translation>
    </message>
    <message>
        <source>%1 is not an activation snapshot</source>
        <translation>%1 is not an activation snapshot</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
</context>
<context>
    <name>rx::Analyzer</name>
    <message>
        <source>stage %1, block %2: </source>
        <translation>stage %1, block %2: </translation>
    </message>
    <message>
        <source>stage %1: </source>
        <translation>stage %1: </translation>
    </message>
    <message>
        <source>%1 must be at least %2, got %3</source>
        <translation>%1 must be at least %2, got %3</translation>
    </message>
    <message>
        <source>%1 of %2 is absurd; at most %3 is supported</source>
        <translation>%1 of %2 is absurd; at most %3 is supported</translation>
    </message>
    <message>
        <source>input channels</source>
        <translation>input channels</translation>
    </message>
    <message>
        <source>input height</source>
        <translation>input height</translation>
    </message>
    <message>
        <source>input width</source>
        <translation>input width</translation>
    </message>
    <message>
        <source>number of classes</source>
        <translation>number of classes</translation>
    </message>
    <message>
        <source>stem width</source>
        <translation>stem width</translation>
    </message>
    <message>
        <source>the network has no stages; add at least one</source>
        <translation>the network has no stages; add at least one</translation>
    </message>
    <message>
        <source>the network has %1 stages; at most %2 are supported</source>
        <translation>the network has %1 stages; at most %2 are supported</translation>
    </message>
    <message>
        <source>number of blocks</source>
        <translation>number of blocks</translation>
    </message>
    <message>
        <source>width</source>
        <translation>width</translation>
    </message>
    <message>
        <source>stride</source>
        <translation>stride</translation>
    </message>
    <message>
        <source>the network has %1 blocks; at most %2 are supported</source>
        <translation>the network has %1 blocks; at most %2 are supported</translation>
    </message>
    <message>
        <source>the spatial size would fall below 1×1: %1 downsamples a %2×%3 feature map by stride %4</source>
        <translation>the spatial size would fall below 1×1: %1 downsamples a %2×%3 feature map by stride %4</translation>
    </message>
    <message>
        <source>stem: </source>
        <translation>stem: </translation>
    </message>
    <message>
        <source>the stem&apos;s %1×%1 conv</source>
        <translation>the stem&apos;s %1×%1 conv</translation>
    </message>
    <message>
        <source>the stem&apos;s max pool</source>
        <translation>the stem&apos;s max pool</translation>
    </message>
    <message>
        <source>shortcut option A can only add channels (zero padding), but the block maps %1 channels to %2; use option B or C</source>
        <translation>shortcut option A can only add channels (zero padding), but the block maps %1 channels to %2; use option B or C</translation>
    </message>
    <message>
        <source>its %1×%1 conv (%2)</source>
        <translation>its %1×%1 conv (%2)</translation>
    </message>
</context>
<context>
    <name>rx::Autosave</name>
    <message>
        <source>cannot create the autosave folder %1</source>
        <translation>cannot create the autosave folder %1</translation>
    </message>
    <message>
        <source>cannot lock %1</source>
        <translation>cannot lock %1</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Autosave failed: %1</translation>
    </message>
</context>
<context>
    <name>rx::BatchNormMode</name>
    <message>
        <source>synchronised over the ranks</source>
        <translation>synchronised over the ranks</translation>
    </message>
    <message>
        <source>per rank, running statistics from rank 0</source>
        <translation>per rank, running statistics from rank 0</translation>
    </message>
</context>
<context>
    <name>rx::BlockHistoryPlot</name>
    <message>
        <source>iteration</source>
        <translation>iteration</translation>
    </message>
    <message>
        <source>‖F(x)‖ / ‖x‖</source>
        <translation>‖F(x)‖ / ‖x‖</translation>
    </message>
    <message>
        <source>‖∂loss/∂ block output‖</source>
        <translation>‖∂loss/∂ block output‖</translation>
    </message>
    <message>
        <source>No residual blocks:
a plain net has no shortcut.</source>
        <translation>No residual blocks:
a plain net has no shortcut.</translation>
    </message>
    <message>
        <source>No measurements.</source>
        <translation>No measurements.</translation>
    </message>
</context>
<context>
    <name>rx::BlockPalette</name>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>A new stage of blocks at twice the width and half the feature-map size.</source>
        <translation>A new stage of blocks at twice the width and half the feature-map size.</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>Global average pooling and a fully connected layer to the 10 classes; every network ends with it.</source>
        <translation>Global average pooling and a fully connected layer to the 10 classes; every network ends with it.</translation>
    </message>
</context>
<context>
    <name>rx::Cifar10</name>
    <message>
        <source>CIFAR-10 folder %1 does not exist; download the dataset or choose the folder holding data_batch_1.bin … test_batch.bin</source>
        <translation>CIFAR-10 folder %1 does not exist; download the dataset or choose the folder holding data_batch_1.bin … test_batch.bin</translation>
    </message>
    <message>
        <source>CIFAR-10 file %1 is missing</source>
        <translation>CIFAR-10 file %1 is missing</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
    <message>
        <source>CIFAR-10 file %1 is truncated or damaged: %2 bytes, expected %3 (10,000 records of 3,073 bytes)</source>
        <translation>CIFAR-10 file %1 is truncated or damaged: %2 bytes, expected %3 (10,000 records of 3,073 bytes)</translation>
    </message>
    <message>
        <source>CIFAR-10 file %1: record %2 has label %3, outside 0–9</source>
        <translation>CIFAR-10 file %1: record %2 has label %3, outside 0–9</translation>
    </message>
    <message>
        <source>airplane</source>
        <translation>airplane</translation>
    </message>
    <message>
        <source>automobile</source>
        <translation>automobile</translation>
    </message>
    <message>
        <source>bird</source>
        <translation>bird</translation>
    </message>
    <message>
        <source>cat</source>
        <translation>cat</translation>
    </message>
    <message>
        <source>deer</source>
        <translation>deer</translation>
    </message>
    <message>
        <source>dog</source>
        <translation>dog</translation>
    </message>
    <message>
        <source>frog</source>
        <translation>frog</translation>
    </message>
    <message>
        <source>horse</source>
        <translation>horse</translation>
    </message>
    <message>
        <source>ship</source>
        <translation>ship</translation>
    </message>
    <message>
        <source>truck</source>
        <translation>truck</translation>
    </message>
</context>
<context>
    <name>rx::Cli</name>
    <message>
        <source>&apos;%1&apos; is neither a preset name nor an existing file; run &apos;presets&apos; for the list</source>
        <translation>&apos;%1&apos; is neither a preset name nor an existing file; run &apos;presets&apos; for the list</translation>
    </message>
    <message>
        <source>CIFAR-10 not found: pass --data DIR, set CIFAR10_DIR, or run &apos;resnet-explorer-cli download&apos;</source>
        <translation>CIFAR-10 not found: pass --data DIR, set CIFAR10_DIR, or run &apos;resnet-explorer-cli download&apos;</translation>
    </message>
    <message>
        <source>invalid value &apos;%2&apos; for --%1</source>
        <translation>invalid value &apos;%2&apos; for --%1</translation>
    </message>
    <message>
        <source>List the network presets, one name per line.</source>
        <translation>List the network presets, one name per line.</translation>
    </message>
    <message>
        <source>Depth, parameters, MACs and the stage table of a network.</source>
        <translation>Depth, parameters, MACs and the stage table of a network.</translation>
    </message>
    <message>
        <source>Preset name or .resnet.json file.</source>
        <translation>Preset name or .resnet.json file.</translation>
    </message>
    <message>
        <source>Print JSON instead of a table.</source>
        <translation>Print JSON instead of a table.</translation>
    </message>
    <message>
        <source>Check a .resnet.json file.</source>
        <translation>Check a .resnet.json file.</translation>
    </message>
    <message>
        <source>The .resnet.json file.</source>
        <translation>The .resnet.json file.</translation>
    </message>
    <message>
        <source>expected exactly one %1</source>
        <translation>expected exactly one %1</translation>
    </message>
    <message>
        <source>presets takes no arguments</source>
        <translation>presets takes no arguments</translation>
    </message>
</context>
<context>
    <name>rx::CliActivations</name>
    <message>
        <source>Activation viewer: for one test image, each block&apos;s input x, what its residual branch adds F(x), and its output, as feature maps, with the network&apos;s top-3 classes. Writes RUN_DIR/activations.json.</source>
        <translation>Activation viewer: for one test image, each block&apos;s input x, what its residual branch adds F(x), and its output, as feature maps, with the network&apos;s top-3 classes. Writes RUN_DIR/activations.json.</translation>
    </message>
    <message>
        <source>The run folder (with its checkpoint.pt).</source>
        <translation>The run folder (with its checkpoint.pt).</translation>
    </message>
    <message>
        <source>The test image: its index in test_batch.bin, 0 to 9999 (default 0).</source>
        <translation>The test image: its index in test_batch.bin, 0 to 9999 (default 0).</translation>
    </message>
    <message>
        <source>Folder with the CIFAR-10 .bin files.</source>
        <translation>Folder with the CIFAR-10 .bin files.</translation>
    </message>
    <message>
        <source>CPU threads (default: every core, %1 here).</source>
        <translation>CPU threads (default: every core, %1 here).</translation>
    </message>
    <message>
        <source>give one RUN_DIR</source>
        <translation>give one RUN_DIR</translation>
    </message>
    <message>
        <source>%1 is not a run folder (a folder that training wrote)</source>
        <translation>%1 is not a run folder (a folder that training wrote)</translation>
    </message>
    <message>
        <source>test image %1 · true class: %2</source>
        <translation>test image %1 · true class: %2</translation>
    </message>
    <message>
        <source>top classes:</source>
        <translation>top classes:</translation>
    </message>
    <message>
        <source>block</source>
        <translation>block</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>kind</translation>
    </message>
    <message>
        <source>output shape</source>
        <translation>output shape</translation>
    </message>
    <message>
        <source>‖x‖</source>
        <translation>‖x‖</translation>
    </message>
    <message>
        <source>‖F(x)‖ / ‖x‖</source>
        <translation>‖F(x)‖ / ‖x‖</translation>
    </message>
    <message>
        <source>residual</source>
        <translation>residual</translation>
    </message>
    <message>
        <source>plain</source>
        <translation>plain</translation>
    </message>
    <message>
        <source>downsampling</source>
        <translation>downsampling</translation>
    </message>
    <message>
        <source>wrote %1 (%2 s)</source>
        <translation>wrote %1 (%2 s)</translation>
    </message>
</context>
<context>
    <name>rx::CliDynamics</name>
    <message>
        <source>Block dynamics over training: each block&apos;s residual ratio ‖F(x)‖ / ‖x‖ and the norm of the loss gradient at its output, as the run measured them. Writes RUN_DIR/dynamics.json.</source>
        <translation>Block dynamics over training: each block&apos;s residual ratio ‖F(x)‖ / ‖x‖ and the norm of the loss gradient at its output, as the run measured them. Writes RUN_DIR/dynamics.json.</translation>
    </message>
    <message>
        <source>The run folder (with its metrics.jsonl).</source>
        <translation>The run folder (with its metrics.jsonl).</translation>
    </message>
    <message>
        <source>give one RUN_DIR</source>
        <translation>give one RUN_DIR</translation>
    </message>
    <message>
        <source>%1 is not a run folder (a folder that training wrote)</source>
        <translation>%1 is not a run folder (a folder that training wrote)</translation>
    </message>
    <message>
        <source>%1 · %2 measurements, iterations %3 to %4</source>
        <translation>%1 · %2 measurements, iterations %3 to %4</translation>
    </message>
    <message>
        <source>block</source>
        <translation>block</translation>
    </message>
    <message>
        <source>ratio @%1</source>
        <translation>ratio @%1</translation>
    </message>
    <message>
        <source>gradient @%1</source>
        <translation>gradient @%1</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>wrote %1</translation>
    </message>
</context>
<context>
    <name>rx::CliExperiment</name>
    <message>
        <source>unknown experiment &apos;%1&apos; (see &apos;experiment list&apos;)</source>
        <translation>unknown experiment &apos;%1&apos; (see &apos;experiment list&apos;)</translation>
    </message>
    <message>
        <source>CPU threads (default: every core).</source>
        <translation>CPU threads (default: every core).</translation>
    </message>
    <message>
        <source>Device: %1 (default auto).</source>
        <translation>Device: %1 (default auto).</translation>
    </message>
    <message>
        <source>List the experiments with their networks and the time each variant takes here, estimated from a measured training step.</source>
        <translation>List the experiments with their networks and the time each variant takes here, estimated from a measured training step.</translation>
    </message>
    <message>
        <source>Do not measure a step; print no times.</source>
        <translation>Do not measure a step; print no times.</translation>
    </message>
    <message>
        <source>times estimated from a measured training step on %1</source>
        <translation>times estimated from a measured training step on %1</translation>
    </message>
    <message>
        <source>quick: %1</source>
        <translation>quick: %1</translation>
    </message>
    <message>
        <source>Train an experiment&apos;s networks one after another into DIR (one run folder each), then write DIR/summary.json and the figure DIR/figure.png and DIR/figure.pdf.</source>
        <translation>Train an experiment&apos;s networks one after another into DIR (one run folder each), then write DIR/summary.json and the figure DIR/figure.png and DIR/figure.pdf.</translation>
    </message>
    <message>
        <source>The experiment (see &apos;experiment list&apos;).</source>
        <translation>The experiment (see &apos;experiment list&apos;).</translation>
    </message>
    <message>
        <source>The quick variant for a CPU: fewer networks, a training subset, fewer iterations.</source>
        <translation>The quick variant for a CPU: fewer networks, a training subset, fewer iterations.</translation>
    </message>
    <message>
        <source>The experiment&apos;s folder.</source>
        <translation>The experiment&apos;s folder.</translation>
    </message>
    <message>
        <source>Folder with the CIFAR-10 .bin files.</source>
        <translation>Folder with the CIFAR-10 .bin files.</translation>
    </message>
    <message>
        <source>Random seed of every run (default 1).</source>
        <translation>Random seed of every run (default 1).</translation>
    </message>
    <message>
        <source>Train each network for N iterations instead of the variant&apos;s.</source>
        <translation>Train each network for N iterations instead of the variant&apos;s.</translation>
    </message>
    <message>
        <source>Continue the experiment in DIR where it stopped.</source>
        <translation>Continue the experiment in DIR where it stopped.</translation>
    </message>
    <message>
        <source>give one experiment NAME</source>
        <translation>give one experiment NAME</translation>
    </message>
    <message>
        <source>--out DIR is required</source>
        <translation>--out DIR is required</translation>
    </message>
    <message>
        <source>finished earlier, kept</source>
        <translation>finished earlier, kept</translation>
    </message>
    <message>
        <source>stopping: the current run keeps its checkpoint; continue with --resume</source>
        <translation>stopping: the current run keeps its checkpoint; continue with --resume</translation>
    </message>
    <message>
        <source>summary: %1; figure: %2</source>
        <translation>summary: %1; figure: %2</translation>
    </message>
    <message>
        <source>stopped; continue with: resnet-explorer-cli experiment run %1%2 --out %3 --resume</source>
        <translation>stopped; continue with: resnet-explorer-cli experiment run %1%2 --out %3 --resume</translation>
    </message>
</context>
<context>
    <name>rx::CliLandscape</name>
    <message>
        <source>The training loss around a run&apos;s trained weights along two random filter-normalised directions (Li et al. 2018), written to RUN_DIR/%1.</source>
        <translation>The training loss around a run&apos;s trained weights along two random filter-normalised directions (Li et al. 2018), written to RUN_DIR/%1.</translation>
    </message>
    <message>
        <source>The run folder (its checkpoint.pt is used).</source>
        <translation>The run folder (its checkpoint.pt is used).</translation>
    </message>
    <message>
        <source>Points per axis, odd (default %1).</source>
        <translation>Points per axis, odd (default %1).</translation>
    </message>
    <message>
        <source>The grid spans [-R, R] along both directions (default %1).</source>
        <translation>The grid spans [-R, R] along both directions (default %1).</translation>
    </message>
    <message>
        <source>Training images, spread evenly over the 50,000 (default %1).</source>
        <translation>Training images, spread evenly over the 50,000 (default %1).</translation>
    </message>
    <message>
        <source>Seed of the two random directions (default 1).</source>
        <translation>Seed of the two random directions (default 1).</translation>
    </message>
    <message>
        <source>Folder with the CIFAR-10 .bin files.</source>
        <translation>Folder with the CIFAR-10 .bin files.</translation>
    </message>
    <message>
        <source>CPU threads (default: every core, %1 here).</source>
        <translation>CPU threads (default: every core, %1 here).</translation>
    </message>
    <message>
        <source>expected one RUN_DIR</source>
        <translation>expected one RUN_DIR</translation>
    </message>
    <message>
        <source>%1 is not a run folder</source>
        <translation>%1 is not a run folder</translation>
    </message>
</context>
<context>
    <name>rx::CliLaunch</name>
    <message>
        <source>usage: resnet-explorer-cli launch --nproc N [--port PORT] train OPTIONS…

Runs &apos;train OPTIONS…&apos; on N processes of this machine together (data-parallel, --world-size N), rank 0 listening on 127.0.0.1:PORT (default: a free port). --batch is the global batch. Rank 0&apos;s output is shown and rank 0 alone writes the run folder; each rank gets cores / N threads unless --threads is given. When a rank fails, the others are stopped.</source>
        <translation>usage: resnet-explorer-cli launch --nproc N [--port PORT] train OPTIONS…

Runs &apos;train OPTIONS…&apos; on N processes of this machine together (data-parallel, --world-size N), rank 0 listening on 127.0.0.1:PORT (default: a free port). --batch is the global batch. Rank 0&apos;s output is shown and rank 0 alone writes the run folder; each rank gets cores / N threads unless --threads is given. When a rank fails, the others are stopped.</translation>
    </message>
    <message>
        <source>invalid value &apos;%1&apos; for --nproc (expected a number of processes, at least 1)</source>
        <translation>invalid value &apos;%1&apos; for --nproc (expected a number of processes, at least 1)</translation>
    </message>
    <message>
        <source>invalid value &apos;%1&apos; for --port (expected 1 to 65535)</source>
        <translation>invalid value &apos;%1&apos; for --port (expected 1 to 65535)</translation>
    </message>
    <message>
        <source>launch runs &apos;train&apos;: put &apos;train&apos; and its options last</source>
        <translation>launch runs &apos;train&apos;: put &apos;train&apos; and its options last</translation>
    </message>
    <message>
        <source>%1 is set by launch; leave it out</source>
        <translation>%1 is set by launch; leave it out</translation>
    </message>
    <message>
        <source>no free port on 127.0.0.1</source>
        <translation>no free port on 127.0.0.1</translation>
    </message>
    <message>
        <source>rank %1 could not start: %2</source>
        <translation>rank %1 could not start: %2</translation>
    </message>
    <message>
        <source>rank %1 failed (exit code %2): %3</source>
        <translation>rank %1 failed (exit code %2): %3</translation>
    </message>
    <message>
        <source>rank %1 was killed: %2</source>
        <translation>rank %1 was killed: %2</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>no message</translation>
    </message>
</context>
<context>
    <name>rx::CliLesion</name>
    <message>
        <source>Lesion study (Veit et al. 2016): the test error with each block left out, and with k random blocks left out at once. Writes RUN_DIR/lesion.json.</source>
        <translation>Lesion study (Veit et al. 2016): the test error with each block left out, and with k random blocks left out at once. Writes RUN_DIR/lesion.json.</translation>
    </message>
    <message>
        <source>The run folder (with its checkpoint.pt).</source>
        <translation>The run folder (with its checkpoint.pt).</translation>
    </message>
    <message>
        <source>Test images, spread evenly over the set (default %1).</source>
        <translation>Test images, spread evenly over the set (default %1).</translation>
    </message>
    <message>
        <source>Folder with the CIFAR-10 .bin files.</source>
        <translation>Folder with the CIFAR-10 .bin files.</translation>
    </message>
    <message>
        <source>CPU threads (default: every core, %1 here).</source>
        <translation>CPU threads (default: every core, %1 here).</translation>
    </message>
    <message>
        <source>Random subsets of blocks per k (default %1).</source>
        <translation>Random subsets of blocks per k (default %1).</translation>
    </message>
    <message>
        <source>Seed of the random subsets (default 1).</source>
        <translation>Seed of the random subsets (default 1).</translation>
    </message>
    <message>
        <source>give one RUN_DIR</source>
        <translation>give one RUN_DIR</translation>
    </message>
    <message>
        <source>the run folder %1 does not exist</source>
        <translation>the run folder %1 does not exist</translation>
    </message>
    <message>
        <source>%1 is not a run folder (a folder that training wrote)</source>
        <translation>%1 is not a run folder (a folder that training wrote)</translation>
    </message>
    <message>
        <source>stopping the lesion study…</source>
        <translation>stopping the lesion study…</translation>
    </message>
    <message>
        <source>lesion study: %1 % of %2 image evaluations</source>
        <translation>lesion study: %1 % of %2 image evaluations</translation>
    </message>
    <message>
        <source>%1 · %2 test images · error with every block: %3 %</source>
        <translation>%1 · %2 test images · error with every block: %3 %</translation>
    </message>
    <message>
        <source>removed block</source>
        <translation>removed block</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>kind</translation>
    </message>
    <message>
        <source>test error %</source>
        <translation>test error %</translation>
    </message>
    <message>
        <source>change</source>
        <translation>change</translation>
    </message>
    <message>
        <source>residual</source>
        <translation>residual</translation>
    </message>
    <message>
        <source>plain</source>
        <translation>plain</translation>
    </message>
    <message>
        <source>downsampling</source>
        <translation>downsampling</translation>
    </message>
    <message>
        <source>cannot be removed (changes the shape)</source>
        <translation>cannot be removed (changes the shape)</translation>
    </message>
    <message>
        <source>k removed</source>
        <translation>k removed</translation>
    </message>
    <message>
        <source>mean %</source>
        <translation>mean %</translation>
    </message>
    <message>
        <source>min %</source>
        <translation>min %</translation>
    </message>
    <message>
        <source>max %</source>
        <translation>max %</translation>
    </message>
    <message>
        <source>subsets</source>
        <translation>subsets</translation>
    </message>
    <message>
        <source>wrote %1 (%2 s)</source>
        <translation>wrote %1 (%2 s)</translation>
    </message>
</context>
<context>
    <name>rx::CliTrain</name>
    <message>
        <source>--arch is required (unless --resume)</source>
        <translation>--arch is required (unless --resume)</translation>
    </message>
    <message>
        <source>invalid value &apos;%2&apos; for --%1 (expected one of %3)</source>
        <translation>invalid value &apos;%2&apos; for --%1 (expected one of %3)</translation>
    </message>
    <message>
        <source>--out RUN_DIR is required</source>
        <translation>--out RUN_DIR is required</translation>
    </message>
    <message>
        <source>stopping: the checkpoint is written at the end of this iteration</source>
        <translation>stopping: the checkpoint is written at the end of this iteration</translation>
    </message>
    <message>
        <source>Stop after N epochs (default %1: see --iterations).</source>
        <translation>Stop after N epochs (default %1: see --iterations).</translation>
    </message>
    <message>
        <source>Warm up at --warmup-lr for at most N iterations, until the training error is below --warmup-until-error (default %1: no warm-up).</source>
        <translation>Warm up at --warmup-lr for at most N iterations, until the training error is below --warmup-until-error (default %1: no warm-up).</translation>
    </message>
    <message>
        <source>CPU threads (default %1: every core).</source>
        <translation>CPU threads (default %1: every core).</translation>
    </message>
    <message>
        <source>Report training metrics every N iterations (default %1).</source>
        <translation>Report training metrics every N iterations (default %1).</translation>
    </message>
    <message>
        <source>Test every N iterations (default %1: every epoch).</source>
        <translation>Test every N iterations (default %1: every epoch).</translation>
    </message>
    <message>
        <source>Test images a forward pass (default %1).</source>
        <translation>Test images a forward pass (default %1).</translation>
    </message>
    <message>
        <source>Test images for the layer responses (default %1).</source>
        <translation>Test images for the layer responses (default %1).</translation>
    </message>
    <message>
        <source>Learning rate (default %1).</source>
        <translation>Learning rate (default %1).</translation>
    </message>
    <message>
        <source>SGD momentum (default %1).</source>
        <translation>SGD momentum (default %1).</translation>
    </message>
    <message>
        <source>Weight decay (default %1).</source>
        <translation>Weight decay (default %1).</translation>
    </message>
    <message>
        <source>Warm-up learning rate (default %1).</source>
        <translation>Warm-up learning rate (default %1).</translation>
    </message>
    <message>
        <source>Train a network on CIFAR-10.</source>
        <translation>Train a network on CIFAR-10.</translation>
    </message>
    <message>
        <source>Preset name or .resnet.json file.</source>
        <translation>Preset name or .resnet.json file.</translation>
    </message>
    <message>
        <source>Run folder (architecture, settings, metrics.jsonl, checkpoint.pt).</source>
        <translation>Run folder (architecture, settings, metrics.jsonl, checkpoint.pt).</translation>
    </message>
    <message>
        <source>Folder with the CIFAR-10 .bin files.</source>
        <translation>Folder with the CIFAR-10 .bin files.</translation>
    </message>
    <message>
        <source>Stop after N iterations (default: the paper&apos;s %1).</source>
        <translation>Stop after N iterations (default: the paper&apos;s %1).</translation>
    </message>
    <message>
        <source>Use Nesterov momentum.</source>
        <translation>Use Nesterov momentum.</translation>
    </message>
    <message>
        <source>Learning-rate schedule: %1 (default %2).</source>
        <translation>Learning-rate schedule: %1 (default %2).</translation>
    </message>
    <message>
        <source>Subtract the per-pixel mean (the paper) instead of per-channel mean/std.</source>
        <translation>Subtract the per-pixel mean (the paper) instead of per-channel mean/std.</translation>
    </message>
    <message>
        <source>Turn off pad-crop-flip augmentation.</source>
        <translation>Turn off pad-crop-flip augmentation.</translation>
    </message>
    <message>
        <source>Hold out the last %1 training images and test on them.</source>
        <translation>Hold out the last %1 training images and test on them.</translation>
    </message>
    <message>
        <source>Random seed (default %1).</source>
        <translation>Random seed (default %1).</translation>
    </message>
    <message>
        <source>Device: %1 (default %2).</source>
        <translation>Device: %1 (default %2).</translation>
    </message>
    <message>
        <source>Continue the run in RUN_DIR from its checkpoint, with its settings; options given now override them.</source>
        <translation>Continue the run in RUN_DIR from its checkpoint, with its settings; options given now override them.</translation>
    </message>
    <message>
        <source>Measure the layer responses every N iterations and at every epoch end (default %1; 0: epoch ends only).</source>
        <translation>Measure the layer responses every N iterations and at every epoch end (default %1; 0: epoch ends only).</translation>
    </message>
    <message>
        <source>Use N training images, spread evenly over the set (default %1: all).</source>
        <translation>Use N training images, spread evenly over the set (default %1: all).</translation>
    </message>
    <message>
        <source>Use N test images, spread evenly over the set so every class has its share (default %1: all).</source>
        <translation>Use N test images, spread evenly over the set so every class has its share (default %1: all).</translation>
    </message>
    <message>
        <source>End the warm-up when the training error is below this % (default %1; 0: warm up for all of --warmup).</source>
        <translation>End the warm-up when the training error is below this % (default %1; 0: warm up for all of --warmup).</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Arithmetic: %1 (default %2); bf16 autocast needs a GPU or a CPU with native bf16 (this one: %3), fp16 autocast a GPU.</source>
        <translation>Arithmetic: %1 (default %2); bf16 autocast needs a GPU or a CPU with native bf16 (this one: %3), fp16 autocast a GPU.</translation>
    </message>
    <message>
        <source>invalid value &apos;%1&apos; for --master (expected HOST:PORT, e.g. 192.168.1.10:29500)</source>
        <translation>invalid value &apos;%1&apos; for --master (expected HOST:PORT, e.g. 192.168.1.10:29500)</translation>
    </message>
    <message>
        <source>Mini-batch size (default %1). With --world-size it is the global batch: each rank trains on its share of the same images.</source>
        <translation>Mini-batch size (default %1). With --world-size it is the global batch: each rank trains on its share of the same images.</translation>
    </message>
    <message>
        <source>Train on N processes together (data-parallel, PyTorch&apos;s c10d with Gloo; default %1: this process alone). Start every rank with the same options, or use &apos;launch&apos;.</source>
        <translation>Train on N processes together (data-parallel, PyTorch&apos;s c10d with Gloo; default %1: this process alone). Start every rank with the same options, or use &apos;launch&apos;.</translation>
    </message>
    <message>
        <source>This process&apos;s rank, 0 to N-1 (default %1). Rank 0 listens at --master and alone writes the run folder: metrics, status and checkpoints.</source>
        <translation>This process&apos;s rank, 0 to N-1 (default %1). Rank 0 listens at --master and alone writes the run folder: metrics, status and checkpoints.</translation>
    </message>
    <message>
        <source>Where rank 0 listens, as HOST:PORT (its address on the network the ranks share; the port must be open).</source>
        <translation>Where rank 0 listens, as HOST:PORT (its address on the network the ranks share; the port must be open).</translation>
    </message>
    <message>
        <source>Seconds to wait for every rank to join (default %1).</source>
        <translation>Seconds to wait for every rank to join (default %1).</translation>
    </message>
    <message>
        <source>Batch norm over the ranks: %1 (default %2). sync: the statistics of the whole global batch, so N ranks train as one process does; local: each rank&apos;s own shard (PyTorch DDP&apos;s default), running statistics from rank 0.</source>
        <translation>Batch norm over the ranks: %1 (default %2). sync: the statistics of the whole global batch, so N ranks train as one process does; local: each rank&apos;s own shard (PyTorch DDP&apos;s default), running statistics from rank 0.</translation>
    </message>
</context>
<context>
    <name>rx::CliWeights</name>
    <message>
        <source>Test error of trained weights on the CIFAR-10 test set.</source>
        <translation>Test error of trained weights on the CIFAR-10 test set.</translation>
    </message>
    <message>
        <source>A run folder, its checkpoint.pt, a libtorch export (.pt) or a pytorch export (.pth).</source>
        <translation>A run folder, its checkpoint.pt, a libtorch export (.pt) or a pytorch export (.pth).</translation>
    </message>
    <message>
        <source>The architecture (preset name or .resnet.json file) when none lies beside the weights (FILE.resnet.json or architecture.resnet.json).</source>
        <translation>The architecture (preset name or .resnet.json file) when none lies beside the weights (FILE.resnet.json or architecture.resnet.json).</translation>
    </message>
    <message>
        <source>Folder with the CIFAR-10 .bin files.</source>
        <translation>Folder with the CIFAR-10 .bin files.</translation>
    </message>
    <message>
        <source>CPU threads (default: every core, %1 here).</source>
        <translation>CPU threads (default: every core, %1 here).</translation>
    </message>
    <message>
        <source>Write one CSV row of 10 logits per test image.</source>
        <translation>Write one CSV row of 10 logits per test image.</translation>
    </message>
    <message>
        <source>--weights is required</source>
        <translation>--weights is required</translation>
    </message>
    <message>
        <source>One of: %1.</source>
        <translation>One of: %1.</translation>
    </message>
    <message>
        <source>Output file.</source>
        <translation>Output file.</translation>
    </message>
    <message>
        <source>expected RUN_DIR --format %1 --out FILE</source>
        <translation>expected RUN_DIR --format %1 --out FILE</translation>
    </message>
    <message>
        <source>Download CIFAR-10 (binary version).</source>
        <translation>Download CIFAR-10 (binary version).</translation>
    </message>
    <message>
        <source>Target folder (default: the app&apos;s data folder, %1).</source>
        <translation>Target folder (default: the app&apos;s data folder, %1).</translation>
    </message>
    <message>
        <source>Archive address (default: the official one).</source>
        <translation>Archive address (default: the official one).</translation>
    </message>
    <message>
        <source>Expected md5 of the archive.</source>
        <translation>Expected md5 of the archive.</translation>
    </message>
    <message>
        <source>Use N test images, spread evenly over the set.</source>
        <translation>Use N test images, spread evenly over the set.</translation>
    </message>
    <message>
        <source>Export a trained network: its weights, an ONNX model or PyTorch code.</source>
        <translation>Export a trained network: its weights, an ONNX model or PyTorch code.</translation>
    </message>
    <message>
        <source>The run folder (or a checkpoint, or a pytorch or libtorch export).</source>
        <translation>The run folder (or a checkpoint, or a pytorch or libtorch export).</translation>
    </message>
</context>
<context>
    <name>rx::ConfusionMatrixPlot</name>
    <message>
        <source>Predicted class</source>
        <translation>Predicted class</translation>
    </message>
    <message>
        <source>True class</source>
        <translation>True class</translation>
    </message>
    <message>
        <source>% of the true class</source>
        <translation>% of the true class</translation>
    </message>
    <message>
        <source>Test error %1 (right: each class&apos;s error)</source>
        <translation>Test error %1 (right: each class&apos;s error)</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Confusion matrix</translation>
    </message>
</context>
<context>
    <name>rx::DashboardPlots</name>
    <message>
        <source>log scale</source>
        <translation>log scale</translation>
    </message>
    <message>
        <source>x in epochs</source>
        <translation>x in epochs</translation>
    </message>
    <message>
        <source>latest</source>
        <translation>latest</translation>
    </message>
    <message>
        <source>measurement %1</source>
        <translation>measurement %1</translation>
    </message>
    <message>
        <source>sorted</source>
        <translation>sorted</translation>
    </message>
    <message>
        <source>Error (Fig. 6): training dashed, test bold</source>
        <translation>Error (Fig. 6): training dashed, test bold</translation>
    </message>
    <message>
        <source>Loss and learning rate</source>
        <translation>Loss and learning rate</translation>
    </message>
    <message>
        <source>Layer responses (Fig. 7): std after BN, before addition</source>
        <translation>Layer responses (Fig. 7): std after BN, before addition</translation>
    </message>
    <message>
        <source>Gradient norms: layers × time</source>
        <translation>Gradient norms: layers × time</translation>
    </message>
    <message>
        <source>Latest gradient norm per layer</source>
        <translation>Latest gradient norm per layer</translation>
    </message>
    <message>
        <source>Exponential moving average of the training error and the loss, as in TensorBoard; the raw values stay faint behind. 0 shows the raw values.</source>
        <translation>Exponential moving average of the training error and the loss, as in TensorBoard; the raw values stay faint behind. 0 shows the raw values.</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>Smoothing</translation>
    </message>
    <message>
        <source>Residual ratio ‖F(x)‖ / ‖x‖ per block</source>
        <translation>Residual ratio ‖F(x)‖ / ‖x‖ per block</translation>
    </message>
    <message>
        <source>Gradient reaching each block&apos;s output</source>
        <translation>Gradient reaching each block&apos;s output</translation>
    </message>
</context>
<context>
    <name>rx::DataParallel</name>
    <message>
        <source>rank 0: not all %1 ranks joined at %2:%3 within %4 s (%5). Start every rank with the same --world-size and --master, or raise --timeout.</source>
        <translation>rank 0: not all %1 ranks joined at %2:%3 within %4 s (%5). Start every rank with the same --world-size and --master, or raise --timeout.</translation>
    </message>
    <message>
        <source>rank %1: could not join rank 0 at %2:%3 within %4 s (%5). Is rank 0 running there, and is the port open in its firewall?</source>
        <translation>rank %1: could not join rank 0 at %2:%3 within %4 s (%5). Is rank 0 running there, and is the port open in its firewall?</translation>
    </message>
    <message>
        <source>%1 of %2 ranks joined</source>
        <translation>%1 of %2 ranks joined</translation>
    </message>
    <message>
        <source>rank %1 of %2: the connection to the other ranks broke (%3): another rank stopped, failed or became unreachable, so this one stops too.</source>
        <translation>rank %1 of %2: the connection to the other ranks broke (%3): another rank stopped, failed or became unreachable, so this one stops too.</translation>
    </message>
</context>
<context>
    <name>rx::DatasetView</name>
    <message>
        <source>&amp;Class:</source>
        <translation>&amp;Class:</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>All classes</translation>
    </message>
    <message>
        <source>Show training &amp;augmentation</source>
        <translation>Show training &amp;augmentation</translation>
    </message>
    <message>
        <source>Show the images as the trainer sees them, drawn anew every second.</source>
        <translation>Show the images as the trainer sees them, drawn anew every second.</translation>
    </message>
    <message>
        <source>Training augmentation (He et al. 2015, §4.2): %1 pixels of padding on each side (in the mean colour, the zero of the normalised input), a random %2×%2 crop, and a horizontal flip with probability %3. A new draw every second; the labels stay.</source>
        <translation>Training augmentation (He et al. 2015, §4.2): %1 pixels of padding on each side (in the mean colour, the zero of the normalised input), a random %2×%2 crop, and a horizontal flip with probability %3. A new draw every second; the labels stay.</translation>
    </message>
    <message>
        <source>Download it with the Training tab&apos;s Download button, or on the command line with

resnet-explorer-cli download --out %1

and then open this tab again.</source>
        <translation>Download it with the Training tab&apos;s Download button, or on the command line with

resnet-explorer-cli download --out %1

and then open this tab again.</translation>
    </message>
    <message>
        <source>Reading CIFAR-10 from %1…</source>
        <translation>Reading CIFAR-10 from %1…</translation>
    </message>
    <message>
        <source>CIFAR-10 is not on this computer.</source>
        <translation>CIFAR-10 is not on this computer.</translation>
    </message>
    <message>
        <source>CIFAR-10 is not in %1 (data_batch_1.bin … test_batch.bin).</source>
        <translation>CIFAR-10 is not in %1 (data_batch_1.bin … test_batch.bin).</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s)</source>
        <translation>
            <numerusform>%Ln image</numerusform>
            <numerusform>%Ln images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rx::DeviceChoice</name>
    <message>
        <source>automatic</source>
        <translation>automatic</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
</context>
<context>
    <name>rx::Distributed</name>
    <message>
        <source>the world size must be at least 1, got %1</source>
        <translation>the world size must be at least 1, got %1</translation>
    </message>
    <message>
        <source>the rank must be from 0 to %1 (the world size less one), got %2</source>
        <translation>the rank must be from 0 to %1 (the world size less one), got %2</translation>
    </message>
    <message>
        <source>training on several processes needs --master HOST:PORT (where rank 0 listens)</source>
        <translation>training on several processes needs --master HOST:PORT (where rank 0 listens)</translation>
    </message>
    <message>
        <source>the timeout must be at least 1 second, got %1</source>
        <translation>the timeout must be at least 1 second, got %1</translation>
    </message>
</context>
<context>
    <name>rx::Download</name>
    <message>
        <source>%1 already exists; remove it or choose another folder</source>
        <translation>%1 already exists; remove it or choose another folder</translation>
    </message>
    <message>
        <source>cannot create a temporary file in %1</source>
        <translation>cannot create a temporary file in %1</translation>
    </message>
    <message>
        <source>download failed: %1</source>
        <translation>download failed: %1</translation>
    </message>
    <message>
        <source>download failed: the connection closed after %1 of %2 bytes</source>
        <translation>download failed: the connection closed after %1 of %2 bytes</translation>
    </message>
    <message>
        <source>download failed: md5 checksum %1 does not match the expected %2; the file is damaged or not the CIFAR-10 archive</source>
        <translation>download failed: md5 checksum %1 does not match the expected %2; the file is damaged or not the CIFAR-10 archive</translation>
    </message>
    <message>
        <source>the downloaded archive does not hold the CIFAR-10 binary batches</source>
        <translation>the downloaded archive does not hold the CIFAR-10 binary batches</translation>
    </message>
    <message>
        <source>cannot move %1 to %2</source>
        <translation>cannot move %1 to %2</translation>
    </message>
    <message>
        <source>cannot unpack %1: %2</source>
        <translation>cannot unpack %1: %2</translation>
    </message>
    <message>
        <source>the archive holds an unsafe path &apos;%1&apos;</source>
        <translation>the archive holds an unsafe path &apos;%1&apos;</translation>
    </message>
    <message>
        <source>download cancelled</source>
        <translation>download cancelled</translation>
    </message>
    <message>
        <source>cannot write the download: %1</source>
        <translation>cannot write the download: %1</translation>
    </message>
</context>
<context>
    <name>rx::Dynamics</name>
    <message>
        <source>%1 has no block measurements yet: they are taken every probe interval (--probe-every) while training</source>
        <translation>%1 has no block measurements yet: they are taken every probe interval (--probe-every) while training</translation>
    </message>
</context>
<context>
    <name>rx::DynamicsView</name>
    <message>
        <source>%1 is not a run folder.</source>
        <translation>%1 is not a run folder.</translation>
    </message>
    <message>
        <source>Choose a run…</source>
        <translation>Choose a run…</translation>
    </message>
    <message>
        <source>The runs of the Training tab.</source>
        <translation>The runs of the Training tab.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Block dynamics&lt;/h3&gt;&lt;p&gt;Two measurements of every block, taken on a fixed batch of test images while the network trains (every probe interval). Each line is one block: dark purple for the first, orange for the last.&lt;/p&gt;&lt;h4&gt;Residual ratio ‖F(x)‖ / ‖x‖ (top)&lt;/h4&gt;&lt;p&gt;How much a residual block adds, relative to what passes through its shortcut. Look for large ratios in the first blocks and small, falling ones in the later blocks: the first blocks build the representation, the later ones only refine it, a step at a time. Plain blocks have no shortcut and no ratio.&lt;/p&gt;&lt;h4&gt;Gradient at each block&apos;s output (bottom)&lt;/h4&gt;&lt;p&gt;The norm of the loss gradient with respect to the block&apos;s output, the signal that trains everything below it. In a residual net the shortcuts carry it down to the first block undiminished, so the lines stay close together; in a deep plain net it shrinks (or grows) from block to block, and the first blocks learn slowly: the optimisation difficulty behind the degradation problem.&lt;/p&gt;&lt;h4&gt;References&lt;/h4&gt;&lt;p&gt;S. Jastrzębski, D. Arpit, N. Ballas, V. Verma, T. Che, Y. Bengio: &lt;i&gt;Residual Connections Encourage Iterative Inference&lt;/i&gt;, ICLR 2018, &lt;a href=&quot;https://arxiv.org/abs/1710.04773&quot;&gt;arXiv:1710.04773&lt;/a&gt; (Fig. 2).&lt;br&gt;K. He, X. Zhang, S. Ren, J. Sun: &lt;i&gt;Identity Mappings in Deep Residual Networks&lt;/i&gt;, ECCV 2016, &lt;a href=&quot;https://arxiv.org/abs/1603.05027&quot;&gt;arXiv:1603.05027&lt;/a&gt; (the gradient through the shortcuts).&lt;/p&gt;&lt;p&gt;From the command line: &lt;tt&gt;resnet-explorer-cli analyze dynamics RUN_DIR&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Block dynamics&lt;/h3&gt;&lt;p&gt;Two measurements of every block, taken on a fixed batch of test images while the network trains (every probe interval). Each line is one block: dark purple for the first, orange for the last.&lt;/p&gt;&lt;h4&gt;Residual ratio ‖F(x)‖ / ‖x‖ (top)&lt;/h4&gt;&lt;p&gt;How much a residual block adds, relative to what passes through its shortcut. Look for large ratios in the first blocks and small, falling ones in the later blocks: the first blocks build the representation, the later ones only refine it, a step at a time. Plain blocks have no shortcut and no ratio.&lt;/p&gt;&lt;h4&gt;Gradient at each block&apos;s output (bottom)&lt;/h4&gt;&lt;p&gt;The norm of the loss gradient with respect to the block&apos;s output, the signal that trains everything below it. In a residual net the shortcuts carry it down to the first block undiminished, so the lines stay close together; in a deep plain net it shrinks (or grows) from block to block, and the first blocks learn slowly: the optimisation difficulty behind the degradation problem.&lt;/p&gt;&lt;h4&gt;References&lt;/h4&gt;&lt;p&gt;S. Jastrzębski, D. Arpit, N. Ballas, V. Verma, T. Che, Y. Bengio: &lt;i&gt;Residual Connections Encourage Iterative Inference&lt;/i&gt;, ICLR 2018, &lt;a href=&quot;https://arxiv.org/abs/1710.04773&quot;&gt;arXiv:1710.04773&lt;/a&gt; (Fig. 2).&lt;br&gt;K. He, X. Zhang, S. Ren, J. Sun: &lt;i&gt;Identity Mappings in Deep Residual Networks&lt;/i&gt;, ECCV 2016, &lt;a href=&quot;https://arxiv.org/abs/1603.05027&quot;&gt;arXiv:1603.05027&lt;/a&gt; (the gradient through the shortcuts).&lt;/p&gt;&lt;p&gt;From the command line: &lt;tt&gt;resnet-explorer-cli analyze dynamics RUN_DIR&lt;/tt&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No run</source>
        <translation>No run</translation>
    </message>
    <message>
        <source>residual net</source>
        <translation>residual net</translation>
    </message>
    <message>
        <source>plain net</source>
        <translation>plain net</translation>
    </message>
    <message numerus="yes">
        <source>%n measurement(s), up to iteration %1.</source>
        <translation>
            <numerusform>%n measurement, up to iteration %1.</numerusform>
            <numerusform>%n measurements, up to iteration %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>A plain net has no residual ratio.</source>
        <translation>A plain net has no residual ratio.</translation>
    </message>
    <message>
        <source>Choose a run of the Training tab.</source>
        <translation>Choose a run of the Training tab.</translation>
    </message>
</context>
<context>
    <name>rx::ErrorCurvePlot</name>
    <message>
        <source>iteration</source>
        <translation>iteration</translation>
    </message>
    <message>
        <source>error (%)</source>
        <translation>error (%)</translation>
    </message>
    <message>
        <source>%1 train</source>
        <translation>%1 train</translation>
    </message>
    <message>
        <source>%1 test</source>
        <translation>%1 test</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>epoch</translation>
    </message>
</context>
<context>
    <name>rx::ExperimentFigure</name>
    <message>
        <source>plain networks</source>
        <translation>plain networks</translation>
    </message>
    <message>
        <source>residual networks</source>
        <translation>residual networks</translation>
    </message>
    <message>
        <source>in layer order</source>
        <translation>in layer order</translation>
    </message>
    <message>
        <source>sorted by magnitude</source>
        <translation>sorted by magnitude</translation>
    </message>
    <message>
        <source>cannot write the figure %1</source>
        <translation>cannot write the figure %1</translation>
    </message>
</context>
<context>
    <name>rx::ExperimentPanel</name>
    <message>
        <source>Quick variant for a CPU</source>
        <translation>Quick variant for a CPU</translation>
    </message>
    <message>
        <source>Fewer networks, a subset of the training images and far fewer iterations, chosen so that the paper&apos;s effect still shows. Without it: the paper&apos;s full recipe, meant for a GPU.</source>
        <translation>Fewer networks, a subset of the training images and far fewer iterations, chosen so that the paper&apos;s effect still shows. Without it: the paper&apos;s full recipe, meant for a GPU.</translation>
    </message>
    <message>
        <source>Start experiment</source>
        <translation>Start experiment</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Show all runs</source>
        <translation>Show all runs</translation>
    </message>
    <message>
        <source>Leave this experiment&apos;s folder and list every run again</source>
        <translation>Leave this experiment&apos;s folder and list every run again</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Training error</source>
        <translation>Training error</translation>
    </message>
    <message>
        <source>Test error</source>
        <translation>Test error</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>The paper&apos;s test error (Table 6), where it gives one</source>
        <translation>The paper&apos;s test error (Table 6), where it gives one</translation>
    </message>
    <message>
        <source>Full variant: the paper&apos;s recipe (%1 iterations per network, all 50,000 training images). Meant for a GPU.</source>
        <translation>Full variant: the paper&apos;s recipe (%1 iterations per network, all 50,000 training images). Meant for a GPU.</translation>
    </message>
    <message>
        <source>Estimated time: measuring a training step…</source>
        <translation>Estimated time: measuring a training step…</translation>
    </message>
    <message>
        <source>Estimated time on %1: %2 (from a measured training step)</source>
        <translation>Estimated time on %1: %2 (from a measured training step)</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>queued</translation>
    </message>
    <message>
        <source>training</source>
        <translation>training</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Folder: %1</translation>
    </message>
    <message>
        <source>An experiment is already running.</source>
        <translation>An experiment is already running.</translation>
    </message>
    <message>
        <source>CIFAR-10 is not there yet: choose its folder or download it on the Training tab.</source>
        <translation>CIFAR-10 is not there yet: choose its folder or download it on the Training tab.</translation>
    </message>
    <message>
        <source>No experiment folder is open.</source>
        <translation>No experiment folder is open.</translation>
    </message>
    <message>
        <source>A run is training; stop it before starting an experiment.</source>
        <translation>A run is training; stop it before starting an experiment.</translation>
    </message>
    <message>
        <source>The experiment is complete; its figure is in %1</source>
        <translation>The experiment is complete; its figure is in %1</translation>
    </message>
    <message>
        <source>The experiment stopped; Resume continues it.</source>
        <translation>The experiment stopped; Resume continues it.</translation>
    </message>
    <message>
        <source>An experiment is running; stop it before opening another.</source>
        <translation>An experiment is running; stop it before opening another.</translation>
    </message>
    <message>
        <source>Quick variant for a CPU: %1 (the paper&apos;s warm-up rate: at 0.1 a run this short is ruled by a deep net&apos;s unsteady first steps). Not the paper&apos;s numbers: the paper&apos;s effect, early in training.</source>
        <translation>Quick variant for a CPU: %1 (the paper&apos;s warm-up rate: at 0.1 a run this short is ruled by a deep net&apos;s unsteady first steps). Not the paper&apos;s numbers: the paper&apos;s effect, early in training.</translation>
    </message>
</context>
<context>
    <name>rx::Experiments</name>
    <message>
        <source>Degradation (Fig. 6)</source>
        <translation>Degradation (Fig. 6)</translation>
    </message>
    <message>
        <source>Plain networks get worse as they get deeper, even on the training set: plain-56 ends with a higher training error than plain-20. So the problem is optimisation, not overfitting. With shortcuts the deeper network trains better: resnet-56 ends below plain-56, and with the full recipe below resnet-20 too. Watch the thin training-error curves; the quick variant is judged by them, because the test error of so short a run swings between evaluations.</source>
        <translation>Plain networks get worse as they get deeper, even on the training set: plain-56 ends with a higher training error than plain-20. So the problem is optimisation, not overfitting. With shortcuts the deeper network trains better: resnet-56 ends below plain-56, and with the full recipe below resnet-20 too. Watch the thin training-error curves; the quick variant is judged by them, because the test error of so short a run swings between evaluations.</translation>
    </message>
    <message>
        <source>Layer responses (Fig. 7)</source>
        <translation>Layer responses (Fig. 7)</translation>
    </message>
    <message>
        <source>Shortcut options A/B/C</source>
        <translation>Shortcut options A/B/C</translation>
    </message>
    <message>
        <source>Depth series (Table 6)</source>
        <translation>Depth series (Table 6)</translation>
    </message>
    <message>
        <source>quick (CPU)</source>
        <translation>quick (CPU)</translation>
    </message>
    <message>
        <source>full (paper&apos;s recipe, GPU)</source>
        <translation>full (paper&apos;s recipe, GPU)</translation>
    </message>
    <message>
        <source>%1 holds no experiment (no %2)</source>
        <translation>%1 holds no experiment (no %2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>not a JSON object</translation>
    </message>
    <message>
        <source>unknown experiment &apos;%1&apos;</source>
        <translation>unknown experiment &apos;%1&apos;</translation>
    </message>
    <message>
        <source>quick: expected true or false</source>
        <translation>quick: expected true or false</translation>
    </message>
    <message>
        <source>seed: expected an integer</source>
        <translation>seed: expected an integer</translation>
    </message>
    <message>
        <source>runs: expected a list</source>
        <translation>runs: expected a list</translation>
    </message>
    <message>
        <source>runs: every run needs a name and a dir</source>
        <translation>runs: every run needs a name and a dir</translation>
    </message>
    <message>
        <source>%1 holds the experiment &apos;%2&apos; (%3); choose another folder</source>
        <translation>%1 holds the experiment &apos;%2&apos; (%3); choose another folder</translation>
    </message>
    <message>
        <source>%1 already holds this experiment; resume it or choose another folder</source>
        <translation>%1 already holds this experiment; resume it or choose another folder</translation>
    </message>
    <message>
        <source>%1 is not empty and holds no experiment; choose an empty or new folder</source>
        <translation>%1 is not empty and holds no experiment; choose an empty or new folder</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>cannot create %1</translation>
    </message>
    <message>
        <source>%1 networks · %2 iterations each at learning rate %3 · %4 training images</source>
        <translation>%1 networks · %2 iterations each at learning rate %3 · %4 training images</translation>
    </message>
    <message>
        <source>The standard deviation of each 3×3 layer&apos;s output, after BN and before the addition and ReLU, on test images. Residual networks respond less than their plain counterparts, and the deeper ResNet less still: each residual function stays close to zero and changes the signal only a little. Compare the sorted curves (bottom). The responses part only as BN&apos;s scales learn, at the paper&apos;s learning rate 0.1: the quick variant trains plain-20 and resnet-20 there for 500 iterations, and resnet-20 already responds less (measured: mean std 0.92 against 1.03; 0.87 against 1.03 in the later layers). That the deeper ResNet responds less still needs the full variant.</source>
        <translation>The standard deviation of each 3×3 layer&apos;s output, after BN and before the addition and ReLU, on test images. Residual networks respond less than their plain counterparts, and the deeper ResNet less still: each residual function stays close to zero and changes the signal only a little. Compare the sorted curves (bottom). The responses part only as BN&apos;s scales learn, at the paper&apos;s learning rate 0.1: the quick variant trains plain-20 and resnet-20 there for 500 iterations, and resnet-20 already responds less (measured: mean std 0.92 against 1.03; 0.87 against 1.03 in the later layers). That the deeper ResNet responds less still needs the full variant.</translation>
    </message>
    <message>
        <source>ResNets of 20 to 110 layers: with shortcuts, the deeper the network, the lower its error (Table 6: from 8.75 % for ResNet-20 to 6.43 % for ResNet-110). The paper&apos;s test errors stand beside the measured ones. ResNet-110 starts at learning rate 0.01 until its training error is below 80 %, as in the paper. The quick variant is far too short for differences of one or two points: it shows the deeper ResNets training about as well as the shallower ones (no degradation: after 150 iterations resnet-56 ended within 4 points of resnet-20 for three seeds), not yet better.</source>
        <translation>ResNets of 20 to 110 layers: with shortcuts, the deeper the network, the lower its error (Table 6: from 8.75 % for ResNet-20 to 6.43 % for ResNet-110). The paper&apos;s test errors stand beside the measured ones. ResNet-110 starts at learning rate 0.01 until its training error is below 80 %, as in the paper. The quick variant is far too short for differences of one or two points: it shows the deeper ResNets training about as well as the shallower ones (no degradation: after 150 iterations resnet-56 ended within 4 points of resnet-20 for three seeds), not yet better.</translation>
    </message>
    <message>
        <source>Three ways to join a block whose shape changes: A pads the extra channels with zeros (no parameters), B projects with a 1×1 convolution only there, C projects on every shortcut. With the full recipe the three end close together (on ImageNet within one point), so projections are not what solves the degradation problem; the paper keeps A on CIFAR because it costs nothing. The quick variant shows the start instead: A and B, whose shortcuts are mostly identities, train alike, while C, with no identity shortcut at all, lags behind (measured after 400 iterations: 53.2 %, 54.8 % and 65.4 % training error).</source>
        <translation>Three ways to join a block whose shape changes: A pads the extra channels with zeros (no parameters), B projects with a 1×1 convolution only there, C projects on every shortcut. With the full recipe the three end close together (on ImageNet within one point), so projections are not what solves the degradation problem; the paper keeps A on CIFAR because it costs nothing. The quick variant shows the start instead: A and B, whose shortcuts are mostly identities, train alike, while C, with no identity shortcut at all, lags behind (measured after 400 iterations: 53.2 %, 54.8 % and 65.4 % training error).</translation>
    </message>
</context>
<context>
    <name>rx::Export</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
    <message>
        <source>cannot evaluate %1: %2</source>
        <translation>cannot evaluate %1: %2</translation>
    </message>
    <message>
        <source>the evaluation of %1 was cancelled</source>
        <translation>the evaluation of %1 was cancelled</translation>
    </message>
    <message>
        <source>the weights carry no input normalisation (a pytorch export keeps it in FILE%1 beside it)</source>
        <translation>the weights carry no input normalisation (a pytorch export keeps it in FILE%1 beside it)</translation>
    </message>
</context>
<context>
    <name>rx::ExportFormat</name>
    <message>
        <source>PyTorch state_dict</source>
        <translation>PyTorch state_dict</translation>
    </message>
    <message>
        <source>LibTorch archive</source>
        <translation>LibTorch archive</translation>
    </message>
    <message>
        <source>ONNX model</source>
        <translation>ONNX model</translation>
    </message>
    <message>
        <source>PyTorch code</source>
        <translation>PyTorch code</translation>
    </message>
</context>
<context>
    <name>rx::Files</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
</context>
<context>
    <name>rx::GradientHeatmap</name>
    <message>
        <source>iteration</source>
        <translation>iteration</translation>
    </message>
    <message>
        <source>layer (input at the bottom)</source>
        <translation>layer (input at the bottom)</translation>
    </message>
    <message>
        <source>gradient L2 norm</source>
        <translation>gradient L2 norm</translation>
    </message>
    <message>
        <source>%1 at iteration %2
gradient norm %3</source>
        <translation>%1 at iteration %2
gradient norm %3</translation>
    </message>
</context>
<context>
    <name>rx::GradientLatestPlot</name>
    <message>
        <source>layer index</source>
        <translation>layer index</translation>
    </message>
    <message>
        <source>gradient L2 norm</source>
        <translation>gradient L2 norm</translation>
    </message>
</context>
<context>
    <name>rx::InsightsTab</name>
    <message>
        <source>Lesion study</source>
        <translation>Lesion study</translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation>Loss landscape</translation>
    </message>
    <message>
        <source>Block dynamics</source>
        <translation>Block dynamics</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>Activations</translation>
    </message>
</context>
<context>
    <name>rx::Json</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>a boolean</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>a number</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>a string</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>an array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>an object</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nothing</translation>
    </message>
</context>
<context>
    <name>rx::Landscape</name>
    <message>
        <source>the grid must have an odd number of points per axis from 3 to %2, so that the trained weights are its centre (got %1)</source>
        <translation>the grid must have an odd number of points per axis from 3 to %2, so that the trained weights are its centre (got %1)</translation>
    </message>
    <message>
        <source>the range must be a number above 0</source>
        <translation>the range must be a number above 0</translation>
    </message>
    <message>
        <source>at least one training image is needed</source>
        <translation>at least one training image is needed</translation>
    </message>
    <message>
        <source>%1 holds no loss landscape</source>
        <translation>%1 holds no loss landscape</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
    <message>
        <source>%1 holds no CIFAR-10 training images (data_batch_1.bin … data_batch_5.bin)</source>
        <translation>%1 holds no CIFAR-10 training images (data_batch_1.bin … data_batch_5.bin)</translation>
    </message>
    <message>
        <source>cannot compute the landscape of %1: %2</source>
        <translation>cannot compute the landscape of %1: %2</translation>
    </message>
    <message>
        <source>the landscape of %1 was cancelled</source>
        <translation>the landscape of %1 was cancelled</translation>
    </message>
</context>
<context>
    <name>rx::LandscapeMapPlot</name>
    <message>
        <source>α (along direction d1)</source>
        <translation>α (along direction d1)</translation>
    </message>
    <message>
        <source>β (along direction d2)</source>
        <translation>β (along direction d2)</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>training loss</translation>
    </message>
    <message>
        <source>trained weights</source>
        <translation>trained weights</translation>
    </message>
    <message>
        <source>α %1, β %2
loss %3, error %4 %</source>
        <translation>α %1, β %2
loss %3, error %4 %</translation>
    </message>
</context>
<context>
    <name>rx::LandscapeSlicePlot</name>
    <message>
        <source>distance along the direction (α or β)</source>
        <translation>distance along the direction (α or β)</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>training loss</translation>
    </message>
    <message>
        <source>along d1 (β = 0)</source>
        <translation>along d1 (β = 0)</translation>
    </message>
    <message>
        <source>along d2 (α = 0)</source>
        <translation>along d2 (α = 0)</translation>
    </message>
</context>
<context>
    <name>rx::LandscapeView</name>
    <message>
        <source>The run %1 has no checkpoint (%2) yet: train it first, or choose another run.</source>
        <translation>The run %1 has no checkpoint (%2) yet: train it first, or choose another run.</translation>
    </message>
    <message>
        <source>CIFAR-10 is not on this computer: download it with the Training tab&apos;s Download button or with resnet-explorer-cli download --out %1.</source>
        <translation>CIFAR-10 is not on this computer: download it with the Training tab&apos;s Download button or with resnet-explorer-cli download --out %1.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Compute</translation>
    </message>
    <message>
        <source>Computing… %1 of %2 grid points</source>
        <translation>Computing… %1 of %2 grid points</translation>
    </message>
    <message>
        <source>Loading the network and the training images…</source>
        <translation>Loading the network and the training images…</translation>
    </message>
    <message>
        <source>%1, iteration %2: loss %3 at the trained weights; %4×%4 grid over ±%5 on %6 training images (%7).</source>
        <translation>%1, iteration %2: loss %3 at the trained weights; %4×%4 grid over ±%5 on %6 training images (%7).</translation>
    </message>
    <message>
        <source>No landscape yet: Compute makes one (a 21×21 grid on 1,000 images takes a few minutes on two cores).</source>
        <translation>No landscape yet: Compute makes one (a 21×21 grid on 1,000 images takes a few minutes on two cores).</translation>
    </message>
    <message>
        <source>Choose a trained run.</source>
        <translation>Choose a trained run.</translation>
    </message>
    <message>
        <source>&amp;Grid:</source>
        <translation>&amp;Grid:</translation>
    </message>
    <message>
        <source>Points per axis (odd, so that the trained weights are the centre). The paper used 51.</source>
        <translation>Points per axis (odd, so that the trained weights are the centre). The paper used 51.</translation>
    </message>
    <message>
        <source>R&amp;ange ±:</source>
        <translation>R&amp;ange ±:</translation>
    </message>
    <message>
        <source>How far along each direction, in units of the filter-normalised direction (1 = as long as the weights&apos; own filters).</source>
        <translation>How far along each direction, in units of the filter-normalised direction (1 = as long as the weights&apos; own filters).</translation>
    </message>
    <message>
        <source>&amp;Images:</source>
        <translation>&amp;Images:</translation>
    </message>
    <message>
        <source>Training images the loss is averaged over, spread evenly over the 50,000. The paper used all of them.</source>
        <translation>Training images the loss is averaged over, spread evenly over the 50,000. The paper used all of them.</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>&amp;Seed:</translation>
    </message>
    <message>
        <source>Draws the two random directions.</source>
        <translation>Draws the two random directions.</translation>
    </message>
    <message>
        <source>Left run:</source>
        <translation>Left run:</translation>
    </message>
    <message>
        <source>Right run:</source>
        <translation>Right run:</translation>
    </message>
    <message>
        <source>Choose a trained run…</source>
        <translation>Choose a trained run…</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The loss landscape&lt;/h3&gt;&lt;p&gt;Each map shows the training loss around the trained weights w₀, at w₀ + α·d₁ + β·d₂, where d₁ and d₂ are two random directions. The cross in the middle is the trained network; dark is low loss, the white lines join points of equal loss. The curves below cut through the middle along each direction.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Filter normalisation.&lt;/b&gt; A network whose filters are scaled up computes the same thing but looks flatter. So each filter of a random direction is scaled to the size of the same filter of the weights; biases and batch-norm parameters stay put. Then maps of different networks can be compared.&lt;/p&gt;&lt;h4&gt;What to look for&lt;/h4&gt;&lt;p&gt;Put a deep plain network (plain-56) on the left and its residual twin (resnet-56) on the right. The plain net&apos;s landscape is chaotic: sharp walls, many small basins, the loss climbs fast as you leave the centre. The residual net sits in a wide, smooth, nearly convex basin with round contours. Shortcuts make the loss surface easier to descend, which is one reason why deep residual nets train where plain ones of the same depth degrade (the paper&apos;s Fig. 4).&lt;/p&gt;&lt;p&gt;The colours use one logarithmic scale for both maps, clipped at a loss of 10 as in the paper&apos;s plots. Two random directions are only a glimpse of millions of dimensions, but different seeds tell the same story.&lt;/p&gt;&lt;p&gt;&lt;i&gt;Li, Xu, Taylor, Studer, Goldstein: Visualizing the Loss Landscape of Neural Nets. NeurIPS 2018.&lt;/i&gt; The paper used all 50,000 training images and a 51×51 grid over [−1, 1]; here the default is 1,000 images and 21×21, so that it takes minutes on a laptop.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;The loss landscape&lt;/h3&gt;&lt;p&gt;Each map shows the training loss around the trained weights w₀, at w₀ + α·d₁ + β·d₂, where d₁ and d₂ are two random directions. The cross in the middle is the trained network; dark is low loss, the white lines join points of equal loss. The curves below cut through the middle along each direction.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Filter normalisation.&lt;/b&gt; A network whose filters are scaled up computes the same thing but looks flatter. So each filter of a random direction is scaled to the size of the same filter of the weights; biases and batch-norm parameters stay put. Then maps of different networks can be compared.&lt;/p&gt;&lt;h4&gt;What to look for&lt;/h4&gt;&lt;p&gt;Put a deep plain network (plain-56) on the left and its residual twin (resnet-56) on the right. The plain net&apos;s landscape is chaotic: sharp walls, many small basins, the loss climbs fast as you leave the centre. The residual net sits in a wide, smooth, nearly convex basin with round contours. Shortcuts make the loss surface easier to descend, which is one reason why deep residual nets train where plain ones of the same depth degrade (the paper&apos;s Fig. 4).&lt;/p&gt;&lt;p&gt;The colours use one logarithmic scale for both maps, clipped at a loss of 10 as in the paper&apos;s plots. Two random directions are only a glimpse of millions of dimensions, but different seeds tell the same story.&lt;/p&gt;&lt;p&gt;&lt;i&gt;Li, Xu, Taylor, Studer, Goldstein: Visualizing the Loss Landscape of Neural Nets. NeurIPS 2018.&lt;/i&gt; The paper used all 50,000 training images and a 51×51 grid over [−1, 1]; here the default is 1,000 images and 21×21, so that it takes minutes on a laptop.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>rx::LayerProfilePlot</name>
    <message>
        <source>%1
%2 (epoch %3)
%4</source>
        <translation>%1
%2 (epoch %3)
%4</translation>
    </message>
</context>
<context>
    <name>rx::Lesion</name>
    <message>
        <source>the lesion study of %1 was cancelled</source>
        <translation>the lesion study of %1 was cancelled</translation>
    </message>
    <message>
        <source>cannot run the lesion study of %1: %2</source>
        <translation>cannot run the lesion study of %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a lesion study</source>
        <translation>%1 is not a lesion study</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
</context>
<context>
    <name>rx::LesionBlockPlot</name>
    <message>
        <source>block left out</source>
        <translation>block left out</translation>
    </message>
    <message>
        <source>error without the block</source>
        <translation>error without the block</translation>
    </message>
    <message>
        <source>… a downsampling block</source>
        <translation>… a downsampling block</translation>
    </message>
    <message>
        <source>cannot be left out (changes the shape)</source>
        <translation>cannot be left out (changes the shape)</translation>
    </message>
    <message>
        <source>residual block, downsampling</source>
        <translation>residual block, downsampling</translation>
    </message>
    <message>
        <source>residual block</source>
        <translation>residual block</translation>
    </message>
    <message>
        <source>plain block, downsampling</source>
        <translation>plain block, downsampling</translation>
    </message>
    <message>
        <source>plain block</source>
        <translation>plain block</translation>
    </message>
    <message>
        <source>%1 (%2)
cannot be left out: its output has another shape than its input</source>
        <translation>%1 (%2)
cannot be left out: its output has another shape than its input</translation>
    </message>
    <message>
        <source>%1 (%2)
test error without it: %3 (%4 points)</source>
        <translation>%1 (%2)
test error without it: %3 (%4 points)</translation>
    </message>
</context>
<context>
    <name>rx::LesionPlot</name>
    <message>
        <source>test error (%)</source>
        <translation>test error (%)</translation>
    </message>
    <message>
        <source>nothing removed (%1)</source>
        <translation>nothing removed (%1)</translation>
    </message>
    <message>
        <source>nothing removed</source>
        <translation>nothing removed</translation>
    </message>
    <message>
        <source>chance (%1)</source>
        <translation>chance (%1)</translation>
    </message>
</context>
<context>
    <name>rx::LesionRandomPlot</name>
    <message>
        <source>blocks left out at random (k)</source>
        <translation>blocks left out at random (k)</translation>
    </message>
    <message>
        <source>mean over the subsets</source>
        <translation>mean over the subsets</translation>
    </message>
    <message>
        <source>min–max</source>
        <translation>min–max</translation>
    </message>
    <message>
        <source>nothing removed: %1</source>
        <translation>nothing removed: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n block(s) left out at random: mean %1, min %2, max %3 over %4 subsets</source>
        <translation>
            <numerusform>%n block left out at random: mean %1, min %2, max %3 over %4 subsets</numerusform>
            <numerusform>%n blocks left out at random: mean %1, min %2, max %3 over %4 subsets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rx::LesionView</name>
    <message>
        <source>Test &amp;images per evaluation:</source>
        <translation>Test &amp;images per evaluation:</translation>
    </message>
    <message>
        <source>Each lesioned network is evaluated on this many test images, spread over the classes. 1000 give the error to about one percentage point.</source>
        <translation>Each lesioned network is evaluated on this many test images, spread over the classes. 1000 give the error to about one percentage point.</translation>
    </message>
    <message>
        <source>Choose a trained run…</source>
        <translation>Choose a trained run…</translation>
    </message>
    <message>
        <source>The runs of the Training tab.</source>
        <translation>The runs of the Training tab.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation>Recompute</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Compute</translation>
    </message>
    <message>
        <source>Leave out each block in turn, then k random blocks at once, and evaluate the test error each time. The result is saved in the run folder (lesion.json).</source>
        <translation>Leave out each block in turn, then k random blocks at once, and evaluate the test error each time. The result is saved in the run folder (lesion.json).</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Lesion study&lt;/h3&gt;&lt;p&gt;Take a trained network and leave blocks out, without retraining. A residual block left out still passes its input on through its shortcut; a plain block left out breaks the only path the signal had.&lt;/p&gt;&lt;h4&gt;What to look for&lt;/h4&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Residual net&lt;/b&gt;: most bars stay close to the dashed line (the error with every block). Only the downsampling blocks, where the shortcut changes the shape, hurt clearly. With k blocks removed at random the error grows smoothly.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Plain net&lt;/b&gt;: leaving out any block sends the error to chance (the dotted line, 90 %). Blocks that change the shape cannot be left out at all (hatched).&lt;/li&gt;&lt;/ul&gt;&lt;h4&gt;The paper&apos;s numbers&lt;/h4&gt;&lt;p&gt;ResNet-110 on CIFAR-10: removing a single block changes the error noticeably only for a downsampling block; removing 10 of its 54 blocks leaves it around 20 %. Removing any layer of a plain VGG-like network gives chance, 90 %.&lt;/p&gt;&lt;h4&gt;Why&lt;/h4&gt;&lt;p&gt;Unrolled, a residual network is a collection of paths of many lengths, each block adding a choice between its branch and its shortcut. Removing a block takes out only the paths through its branch, half of them, and leaves the rest working: the network behaves like an ensemble of relatively shallow networks.&lt;/p&gt;&lt;h4&gt;Reference&lt;/h4&gt;&lt;p&gt;A. Veit, M. Wilber, S. Belongie: &lt;i&gt;Residual Networks Behave Like Ensembles of Relatively Shallow Networks&lt;/i&gt;, NeurIPS 2016, &lt;a href=&quot;https://arxiv.org/abs/1605.06431&quot;&gt;arXiv:1605.06431&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;From the command line: &lt;tt&gt;resnet-explorer-cli analyze lesion RUN_DIR&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Lesion study&lt;/h3&gt;&lt;p&gt;Take a trained network and leave blocks out, without retraining. A residual block left out still passes its input on through its shortcut; a plain block left out breaks the only path the signal had.&lt;/p&gt;&lt;h4&gt;What to look for&lt;/h4&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Residual net&lt;/b&gt;: most bars stay close to the dashed line (the error with every block). Only the downsampling blocks, where the shortcut changes the shape, hurt clearly. With k blocks removed at random the error grows smoothly.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Plain net&lt;/b&gt;: leaving out any block sends the error to chance (the dotted line, 90 %). Blocks that change the shape cannot be left out at all (hatched).&lt;/li&gt;&lt;/ul&gt;&lt;h4&gt;The paper&apos;s numbers&lt;/h4&gt;&lt;p&gt;ResNet-110 on CIFAR-10: removing a single block changes the error noticeably only for a downsampling block; removing 10 of its 54 blocks leaves it around 20 %. Removing any layer of a plain VGG-like network gives chance, 90 %.&lt;/p&gt;&lt;h4&gt;Why&lt;/h4&gt;&lt;p&gt;Unrolled, a residual network is a collection of paths of many lengths, each block adding a choice between its branch and its shortcut. Removing a block takes out only the paths through its branch, half of them, and leaves the rest working: the network behaves like an ensemble of relatively shallow networks.&lt;/p&gt;&lt;h4&gt;Reference&lt;/h4&gt;&lt;p&gt;A. Veit, M. Wilber, S. Belongie: &lt;i&gt;Residual Networks Behave Like Ensembles of Relatively Shallow Networks&lt;/i&gt;, NeurIPS 2016, &lt;a href=&quot;https://arxiv.org/abs/1605.06431&quot;&gt;arXiv:1605.06431&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;From the command line: &lt;tt&gt;resnet-explorer-cli analyze lesion RUN_DIR&lt;/tt&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 is not a run folder.</source>
        <translation>%1 is not a run folder.</translation>
    </message>
    <message>
        <source>Read from %1.</source>
        <translation>Read from %1.</translation>
    </message>
    <message>
        <source>The run %1 has no checkpoint (%2) yet: train it first.</source>
        <translation>The run %1 has no checkpoint (%2) yet: train it first.</translation>
    </message>
    <message>
        <source>CIFAR-10 is not on this computer: download it with the Training tab&apos;s Download button or with resnet-explorer-cli download --out %1.</source>
        <translation>CIFAR-10 is not on this computer: download it with the Training tab&apos;s Download button or with resnet-explorer-cli download --out %1.</translation>
    </message>
    <message>
        <source>Computed, but not saved: %1</source>
        <translation>Computed, but not saved: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Computed in %1 s.</source>
        <translation>Computed in %1 s.</translation>
    </message>
    <message>
        <source>No run</source>
        <translation>No run</translation>
    </message>
    <message>
        <source>residual net</source>
        <translation>residual net</translation>
    </message>
    <message>
        <source>plain net</source>
        <translation>plain net</translation>
    </message>
    <message>
        <source>Leaving blocks out and evaluating… %1 % done</source>
        <translation>Leaving blocks out and evaluating… %1 % done</translation>
    </message>
    <message>
        <source>Loading the network and the test images…</source>
        <translation>Loading the network and the test images…</translation>
    </message>
    <message>
        <source>%1, %2 test images: %3 error with every block, %4 with every removable block left out. %5</source>
        <translation>%1, %2 test images: %3 error with every block, %4 with every removable block left out. %5</translation>
    </message>
    <message>
        <source>No lesion study of this run yet: press Compute.</source>
        <translation>No lesion study of this run yet: press Compute.</translation>
    </message>
    <message>
        <source>Choose a trained run.</source>
        <translation>Choose a trained run.</translation>
    </message>
</context>
<context>
    <name>rx::LossRatePlot</name>
    <message>
        <source>iteration</source>
        <translation>iteration</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>training loss</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>learning rate</translation>
    </message>
    <message>
        <source>%1 loss</source>
        <translation>%1 loss</translation>
    </message>
    <message>
        <source>%1 learning rate</source>
        <translation>%1 learning rate</translation>
    </message>
</context>
<context>
    <name>rx::LrSchedule</name>
    <message>
        <source>paper: ÷10 at %1 and %2</source>
        <translation>paper: ÷10 at %1 and %2</translation>
    </message>
    <message>
        <source>multi-step: ÷10 at 50 % and 75 %</source>
        <translation>multi-step: ÷10 at 50 % and 75 %</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>cosine</translation>
    </message>
</context>
<context>
    <name>rx::MainWindow</name>
    <message>
        <source>Issues</source>
        <translation>Issues</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Save &amp;As…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>&amp;Presets</translation>
    </message>
    <message>
        <source>depth %1 · %2 parameters · %3 MACs</source>
        <translation>depth %1 · %2 parameters · %3 MACs</translation>
    </message>
    <message numerus="yes">
        <source>invalid network: %n problem(s)</source>
        <translation>
            <numerusform>invalid network: %n problem</numerusform>
            <numerusform>invalid network: %n problems</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open network</source>
        <translation>Cannot open network</translation>
    </message>
    <message>
        <source>Cannot save network</source>
        <translation>Cannot save network</translation>
    </message>
    <message>
        <source>Open network</source>
        <translation>Open network</translation>
    </message>
    <message>
        <source>Networks (*.resnet.json *.json)</source>
        <translation>Networks (*.resnet.json *.json)</translation>
    </message>
    <message>
        <source>Save network</source>
        <translation>Save network</translation>
    </message>
    <message>
        <source>Networks (*.resnet.json)</source>
        <translation>Networks (*.resnet.json)</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>Palette</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Properties</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplicate</translation>
    </message>
    <message>
        <source>Move Stage &amp;Up</source>
        <translation>Move Stage &amp;Up</translation>
    </message>
    <message>
        <source>Move Stage Do&amp;wn</source>
        <translation>Move Stage Do&amp;wn</translation>
    </message>
    <message>
        <source>&amp;Plain ↔ Residual</source>
        <translation>&amp;Plain ↔ Residual</translation>
    </message>
    <message>
        <source>Plain ↔ residual</source>
        <translation>Plain ↔ residual</translation>
    </message>
    <message>
        <source>Turn the network into its plain or residual counterpart</source>
        <translation>Turn the network into its plain or residual counterpart</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;In</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom &amp;Out</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>&amp;Fit to Window</translation>
    </message>
    <message>
        <source>&amp;Collapse or Expand Stage</source>
        <translation>&amp;Collapse or Expand Stage</translation>
    </message>
    <message>
        <source>%1[*] — ResNet Explorer</source>
        <translation>%1[*] — ResNet Explorer</translation>
    </message>
    <message>
        <source>Insert %1 block</source>
        <translation>Insert %1 block</translation>
    </message>
    <message>
        <source>Change stem</source>
        <translation>Change stem</translation>
    </message>
    <message>
        <source>Insert stage</source>
        <translation>Insert stage</translation>
    </message>
    <message>
        <source>Every network already ends with its head: global average pooling and a fully connected layer.</source>
        <translation>Every network already ends with its head: global average pooling and a fully connected layer.</translation>
    </message>
    <message>
        <source>Delete block</source>
        <translation>Delete block</translation>
    </message>
    <message>
        <source>Delete stage</source>
        <translation>Delete stage</translation>
    </message>
    <message>
        <source>The stem and the head cannot be deleted.</source>
        <translation>The stem and the head cannot be deleted.</translation>
    </message>
    <message>
        <source>Duplicate block</source>
        <translation>Duplicate block</translation>
    </message>
    <message>
        <source>Duplicate stage</source>
        <translation>Duplicate stage</translation>
    </message>
    <message>
        <source>Move stage</source>
        <translation>Move stage</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>The network has unsaved changes. Save them?</source>
        <translation>The network has unsaved changes. Save them?</translation>
    </message>
    <message>
        <source>Builder</source>
        <translation>Builder</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Runs</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Dataset</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Predictions</translation>
    </message>
    <message>
        <source>Open &amp;Experiment…</source>
        <translation>Open &amp;Experiment…</translation>
    </message>
    <message>
        <source>&amp;Presentation</source>
        <translation>&amp;Presentation</translation>
    </message>
    <message>
        <source>Full screen with large text for the classroom; Esc leaves</source>
        <translation>Full screen with large text for the classroom; Esc leaves</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>E&amp;xperiments</source>
        <translation>E&amp;xperiments</translation>
    </message>
    <message>
        <source>Open Experiment Folder…</source>
        <translation>Open Experiment Folder…</translation>
    </message>
    <message>
        <source>Cannot open experiment</source>
        <translation>Cannot open experiment</translation>
    </message>
    <message>
        <source>Open experiment folder</source>
        <translation>Open experiment folder</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Insights</translation>
    </message>
    <message>
        <source>Autosave is off: %1</source>
        <translation>Autosave is off: %1</translation>
    </message>
    <message>
        <source>Autosave unreadable</source>
        <translation>Autosave unreadable</translation>
    </message>
    <message>
        <source>An autosaved network could not be read, so it cannot be restored:
%1

The file was kept as %2.</source>
        <translation>An autosaved network could not be read, so it cannot be restored:
%1

The file was kept as %2.</translation>
    </message>
    <message>
        <source>ResNet Explorer did not close normally.</source>
        <translation>ResNet Explorer did not close normally.</translation>
    </message>
    <message>
        <source>The network “%1” had unsaved changes, autosaved at %2.</source>
        <translation>The network “%1” had unsaved changes, autosaved at %2.</translation>
    </message>
    <message>
        <source>The network “%1” (%2) had unsaved changes, autosaved at %3.</source>
        <translation>The network “%1” (%2) had unsaved changes, autosaved at %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n older autosave(s) will be offered on the next start.</source>
        <translation>
            <numerusform>%n older autosave will be offered on the next start.</numerusform>
            <numerusform>%n older autosaves will be offered on the next start.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore it?</source>
        <translation>Restore it?</translation>
    </message>
    <message>
        <source>Restore network</source>
        <translation>Restore network</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <source>Restored the network autosaved at %1.</source>
        <translation>Restored the network autosaved at %1.</translation>
    </message>
</context>
<context>
    <name>rx::MemoryEstimate</name>
    <message>
        <source>not enough memory for this run: it needs about %1 (activations of a batch of %2: %3; weights, gradients and momentum: %4; data set: %5), but %6 has %7 available. Use a smaller batch or a smaller network.</source>
        <translation>not enough memory for this run: it needs about %1 (activations of a batch of %2: %3; weights, gradients and momentum: %4; data set: %5), but %6 has %7 available. Use a smaller batch or a smaller network.</translation>
    </message>
    <message>
        <source>the GPU</source>
        <translation>the GPU</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>this computer</translation>
    </message>
</context>
<context>
    <name>rx::Metrics</name>
    <message>
        <source>cannot open %1: %2</source>
        <translation>cannot open %1: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n damaged line(s) skipped</source>
        <translation>
            <numerusform>%1: %n damaged line skipped</numerusform>
            <numerusform>%1: %n damaged lines skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rx::MisclassifiedModel</name>
    <message>
        <source>%1 → %2
%3</source>
        <extracomment>Under a misclassified image: the true class, the predicted class, the confidence.</extracomment>
        <translation>%1 → %2
%3</translation>
    </message>
    <message>
        <source>Test image %1: a %2, taken for a %3 with %4 confidence</source>
        <translation>Test image %1: a %2, taken for a %3 with %4 confidence</translation>
    </message>
</context>
<context>
    <name>rx::NetworkCanvas</name>
    <message>
        <source>input %1×%2×%3</source>
        <translation>input %1×%2×%3</translation>
    </message>
    <message>
        <source>stem</source>
        <translation>stem</translation>
    </message>
    <message>
        <source>stage %1</source>
        <translation>stage %1</translation>
    </message>
    <message>
        <source>%1, %2 ch</source>
        <translation>%1, %2 ch</translation>
    </message>
    <message>
        <source>… ×%1</source>
        <translation>… ×%1</translation>
    </message>
    <message>
        <source>layer%1 · ×%2 %3 blocks</source>
        <translation>layer%1 · ×%2 %3 blocks</translation>
    </message>
    <message>
        <source>global average pool</source>
        <translation>global average pool</translation>
    </message>
    <message>
        <source>fc, %1</source>
        <translation>fc, %1</translation>
    </message>
    <message>
        <source>head</source>
        <translation>head</translation>
    </message>
    <message>
        <source>%1 classes</source>
        <translation>%1 classes</translation>
    </message>
    <message>
        <source>BN, ReLU first</source>
        <translation>BN, ReLU first</translation>
    </message>
    <message>
        <source>addition: the shortcut&apos;s x is added to the block&apos;s output F(x)</source>
        <translation>addition: the shortcut&apos;s x is added to the block&apos;s output F(x)</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>BN, ReLU</source>
        <translation>BN, ReLU</translation>
    </message>
</context>
<context>
    <name>rx::Normalization</name>
    <message>
        <source>per-channel mean and std</source>
        <translation>per-channel mean and std</translation>
    </message>
    <message>
        <source>per-pixel mean (the paper)</source>
        <translation>per-pixel mean (the paper)</translation>
    </message>
</context>
<context>
    <name>rx::OnnxExport</name>
    <message>
        <source>the weights hold no tensor %1</source>
        <translation>the weights hold no tensor %1</translation>
    </message>
    <message>
        <source>the ONNX checker refuses the model: %1</source>
        <translation>the ONNX checker refuses the model: %1</translation>
    </message>
    <message>
        <source>the ONNX model could not be serialised</source>
        <translation>the ONNX model could not be serialised</translation>
    </message>
</context>
<context>
    <name>rx::Pipeline</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
    <message>
        <source>no architecture found beside %1 (expected %2 or %3 in the same folder)</source>
        <translation>no architecture found beside %1 (expected %2 or %3 in the same folder)</translation>
    </message>
    <message>
        <source>CUDA was asked for, but this LibTorch has no usable GPU; use --device cpu or auto, or build with a CUDA LibTorch</source>
        <translation>CUDA was asked for, but this LibTorch has no usable GPU; use --device cpu or auto, or build with a CUDA LibTorch</translation>
    </message>
    <message>
        <source>%1 holds no %2; train the run first</source>
        <translation>%1 holds no %2; train the run first</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>no such file</translation>
    </message>
    <message>
        <source>%1 holds no trained weights: expected a run folder, its %2, a libtorch export (.pt) or a pytorch export (.pth)</source>
        <translation>%1 holds no trained weights: expected a run folder, its %2, a libtorch export (.pt) or a pytorch export (.pth)</translation>
    </message>
    <message>
        <source>%1 is not a state_dict of named tensors</source>
        <translation>%1 is not a state_dict of named tensors</translation>
    </message>
    <message numerus="yes">
        <source>; and %n more</source>
        <translation>
            <numerusform>; and %n more</numerusform>
            <numerusform>; and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 does not fit the architecture: %2</source>
        <translation>%1 does not fit the architecture: %2</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>%1 is missing</translation>
    </message>
    <message>
        <source>%1 is not in the network</source>
        <translation>%1 is not in the network</translation>
    </message>
    <message>
        <source>%1 has another shape</source>
        <translation>%1 has another shape</translation>
    </message>
    <message>
        <source>%1 holds no valid mean and std</source>
        <translation>%1 holds no valid mean and std</translation>
    </message>
    <message>
        <source>the architecture cannot be built: %1</source>
        <translation>the architecture cannot be built: %1</translation>
    </message>
    <message>
        <source>%1 is %2, the network&apos;s is %3</source>
        <translation>%1 is %2, the network&apos;s is %3</translation>
    </message>
    <message>
        <source>a momentum buffer is %1, its parameter&apos;s is %2</source>
        <translation>a momentum buffer is %1, its parameter&apos;s is %2</translation>
    </message>
    <message>
        <source>%1 (%2) does not fit the input %3×%4×%5</source>
        <translation>%1 (%2) does not fit the input %3×%4×%5</translation>
    </message>
    <message>
        <source>iteration %1 is out of range</source>
        <translation>iteration %1 is out of range</translation>
    </message>
</context>
<context>
    <name>rx::PlotBase</name>
    <message>
        <source>unknown export format for %1 (use .png, .pdf or .svg)</source>
        <translation>unknown export format for %1 (use .png, .pdf or .svg)</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>cannot write %1</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Reset view</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>Export plot</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>Export as PNG…</source>
        <translation>Export as PNG…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>Export as PDF…</source>
        <translation>Export as PDF…</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export as SVG…</source>
        <translation>Export as SVG…</translation>
    </message>
    <message>
        <source>SVG (*.svg)</source>
        <translation>SVG (*.svg)</translation>
    </message>
    <message>
        <source>Copy data as CSV</source>
        <translation>Copy data as CSV</translation>
    </message>
</context>
<context>
    <name>rx::Precision</name>
    <message>
        <source>fp32</source>
        <translation>fp32</translation>
    </message>
    <message>
        <source>bf16 autocast</source>
        <translation>bf16 autocast</translation>
    </message>
    <message>
        <source>fp16 autocast (GPU)</source>
        <translation>fp16 autocast (GPU)</translation>
    </message>
</context>
<context>
    <name>rx::PredictionsView</name>
    <message>
        <source>&amp;Run:</source>
        <translation>&amp;Run:</translation>
    </message>
    <message>
        <source>Choose a trained run…</source>
        <translation>Choose a trained run…</translation>
    </message>
    <message>
        <source>The runs of the Training tab. The test set is evaluated with the run&apos;s last checkpoint.</source>
        <translation>The runs of the Training tab. The test set is evaluated with the run&apos;s last checkpoint.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Evaluate another run folder.</source>
        <translation>Evaluate another run folder.</translation>
    </message>
    <message>
        <source>Misclassified test images</source>
        <translation>Misclassified test images</translation>
    </message>
    <message>
        <source>Show all mistakes</source>
        <translation>Show all mistakes</translation>
    </message>
    <message>
        <source>Test &amp;image:</source>
        <translation>Test &amp;image:</translation>
    </message>
    <message>
        <source>The network&apos;s three best guesses</source>
        <translation>The network&apos;s three best guesses</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) of this cell of the matrix.</source>
        <translation>
            <numerusform>%Ln image of this cell of the matrix.</numerusform>
            <numerusform>%Ln images of this cell of the matrix.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln mistake(s). Click a cell of the matrix to see only its images; click an image for its best guesses.</source>
        <translation>
            <numerusform>%Ln mistake. Click a cell of the matrix to see only its images; click an image for its best guesses.</numerusform>
            <numerusform>%Ln mistakes. Click a cell of the matrix to see only its images; click an image for its best guesses.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a run to evaluate it on the test set.</source>
        <translation>Choose a run to evaluate it on the test set.</translation>
    </message>
    <message>
        <source>Choose a run folder</source>
        <translation>Choose a run folder</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 does not exist.</translation>
    </message>
    <message>
        <source>The run %1 has no checkpoint (%2) yet: train it until its first test, or choose another run.</source>
        <translation>The run %1 has no checkpoint (%2) yet: train it until its first test, or choose another run.</translation>
    </message>
    <message>
        <source>CIFAR-10 is not on this computer: download it with the Training tab&apos;s Download button or with resnet-explorer-cli download --out %1.</source>
        <translation>CIFAR-10 is not on this computer: download it with the Training tab&apos;s Download button or with resnet-explorer-cli download --out %1.</translation>
    </message>
    <message>
        <source>Evaluating the test set… %1 of %2 images</source>
        <translation>Evaluating the test set… %1 of %2 images</translation>
    </message>
    <message>
        <source>Loading the network…</source>
        <translation>Loading the network…</translation>
    </message>
    <message>
        <source>Test error %1 on %2 test images (loss %3).</source>
        <translation>Test error %1 on %2 test images (loss %3).</translation>
    </message>
    <message>
        <source>Choose a trained run to see what it gets right and wrong.</source>
        <translation>Choose a trained run to see what it gets right and wrong.</translation>
    </message>
    <message>
        <source>True class: %1
Predicted: %2</source>
        <translation>True class: %1
Predicted: %2</translation>
    </message>
</context>
<context>
    <name>rx::PropertiesPanel</name>
    <message>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Depth in weighted layers: 6n+2 for three stages of basic blocks (20, 32, 44, 56, 110, 1202), 9n+2 for bottlenecks.</source>
        <translation>Depth in weighted layers: 6n+2 for three stages of basic blocks (20, 32, 44, 56, 110, 1202), 9n+2 for bottlenecks.</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>Depth</translation>
    </message>
    <message>
        <source>Stem</source>
        <translation>Stem</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Width</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Blocks</translation>
    </message>
    <message>
        <source>Width of the 3×3 convs; a bottleneck stage outputs 4× this.</source>
        <translation>Width of the 3×3 convs; a bottleneck stage outputs 4× this.</translation>
    </message>
    <message>
        <source>Stride of the stage&apos;s first block: 2 halves the feature map.</source>
        <translation>Stride of the stage&apos;s first block: 2 halves the feature map.</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>Stride</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Shortcut</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Set depth</source>
        <translation>Set depth</translation>
    </message>
    <message>
        <source>Change stem</source>
        <translation>Change stem</translation>
    </message>
    <message>
        <source>Change stem width</source>
        <translation>Change stem width</translation>
    </message>
    <message>
        <source>Change block kind</source>
        <translation>Change block kind</translation>
    </message>
    <message>
        <source>Change block count</source>
        <translation>Change block count</translation>
    </message>
    <message>
        <source>Change width</source>
        <translation>Change width</translation>
    </message>
    <message>
        <source>Change stride</source>
        <translation>Change stride</translation>
    </message>
    <message>
        <source>Change shortcut option</source>
        <translation>Change shortcut option</translation>
    </message>
    <message>
        <source>%1n+2 with n = %2 blocks per stage</source>
        <translation>%1n+2 with n = %2 blocks per stage</translation>
    </message>
    <message>
        <source>Stages differ: edit each stage&apos;s blocks.</source>
        <translation>Stages differ: edit each stage&apos;s blocks.</translation>
    </message>
    <message>
        <source>Stage %1, block %2 (the stage&apos;s %3 blocks are alike)</source>
        <translation>Stage %1, block %2 (the stage&apos;s %3 blocks are alike)</translation>
    </message>
    <message>
        <source>Stage %1</source>
        <translation>Stage %1</translation>
    </message>
</context>
<context>
    <name>rx::ResidualRatioPlot</name>
    <message>
        <source>block (sorted by ratio)</source>
        <translation>block (sorted by ratio)</translation>
    </message>
    <message>
        <source>block (input side at the left)</source>
        <translation>block (input side at the left)</translation>
    </message>
    <message>
        <source>‖F(x)‖ / ‖x‖</source>
        <translation>‖F(x)‖ / ‖x‖</translation>
    </message>
</context>
<context>
    <name>rx::ResponsePlot</name>
    <message>
        <source>layer index (original order)</source>
        <translation>layer index (original order)</translation>
    </message>
    <message>
        <source>std of response</source>
        <translation>std of response</translation>
    </message>
    <message>
        <source>layer index (sorted by magnitude)</source>
        <translation>layer index (sorted by magnitude)</translation>
    </message>
</context>
<context>
    <name>rx::RunFolder</name>
    <message>
        <source>the run folder %1 is in use: %2 (process %3 on %4) is training into it. Wait for it to end or stop it, or choose another folder.</source>
        <translation>the run folder %1 is in use: %2 (process %3 on %4) is training into it. Wait for it to end or stop it, or choose another folder.</translation>
    </message>
    <message>
        <source>another program</source>
        <translation>another program</translation>
    </message>
    <message>
        <source>cannot lock the run folder %1: cannot write there</source>
        <translation>cannot lock the run folder %1: cannot write there</translation>
    </message>
</context>
<context>
    <name>rx::RunPlot</name>
    <message>
        <source>%1 (raw)</source>
        <translation>%1 (raw)</translation>
    </message>
</context>
<context>
    <name>rx::RunState</name>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>finished</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrupted</translation>
    </message>
</context>
<context>
    <name>rx::RunsModel</name>
    <message>
        <source>a running run cannot be renamed</source>
        <translation>a running run cannot be renamed</translation>
    </message>
    <message>
        <source>a run named %1 already exists</source>
        <translation>a run named %1 already exists</translation>
    </message>
    <message>
        <source>cannot rename %1 to %2</source>
        <translation>cannot rename %1 to %2</translation>
    </message>
    <message>
        <source>stop the run before deleting it</source>
        <translation>stop the run before deleting it</translation>
    </message>
    <message>
        <source>cannot delete %1</source>
        <translation>cannot delete %1</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Best test error</source>
        <translation>Best test error</translation>
    </message>
</context>
<context>
    <name>rx::RunsPanel</name>
    <message>
        <source>Tick runs to overlay them on every plot.</source>
        <translation>Tick runs to overlay them on every plot.</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Export weights…</source>
        <translation>Export weights…</translation>
    </message>
    <message>
        <source>Rename run</source>
        <translation>Rename run</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>New name</translation>
    </message>
    <message>
        <source>Cannot rename</source>
        <translation>Cannot rename</translation>
    </message>
    <message>
        <source>Delete run</source>
        <translation>Delete run</translation>
    </message>
    <message>
        <source>Delete the run %1 and all its files?</source>
        <translation>Delete the run %1 and all its files?</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <source>Export weights</source>
        <translation>Export weights</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Exported %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>Show predictions</source>
        <translation>Show predictions</translation>
    </message>
    <message>
        <source>Resume training</source>
        <translation>Resume training</translation>
    </message>
    <message>
        <source>Runs folder…</source>
        <translation>Runs folder…</translation>
    </message>
    <message>
        <source>Runs folder</source>
        <translation>Runs folder</translation>
    </message>
    <message>
        <source>The runs folder: %1</source>
        <translation>The runs folder: %1</translation>
    </message>
</context>
<context>
    <name>rx::SpecFile</name>
    <message>
        <source>a string</source>
        <translation>a string</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>an array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>an object</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>expected %1, got %2</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>an integer</translation>
    </message>
    <message>
        <source>not valid JSON: %1 at character %2</source>
        <translation>not valid JSON: %1 at character %2</translation>
    </message>
    <message>
        <source>not a network description: the file must hold one JSON object</source>
        <translation>not a network description: the file must hold one JSON object</translation>
    </message>
    <message>
        <source>this file has format %1, written by a newer ResNet Explorer; this version reads format %2 and older</source>
        <translation>this file has format %1, written by a newer ResNet Explorer; this version reads format %2 and older</translation>
    </message>
    <message>
        <source>unknown format %1</source>
        <translation>unknown format %1</translation>
    </message>
    <message>
        <source>unknown block kind &apos;%1&apos; (expected one of: %2)</source>
        <translation>unknown block kind &apos;%1&apos; (expected one of: %2)</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
    <message>
        <source>unknown stem kind &apos;%1&apos; (expected one of: %2)</source>
        <translation>unknown stem kind &apos;%1&apos; (expected one of: %2)</translation>
    </message>
    <message>
        <source>unknown shortcut option &apos;%1&apos; (expected one of: %2)</source>
        <translation>unknown shortcut option &apos;%1&apos; (expected one of: %2)</translation>
    </message>
    <message>
        <source>unknown head kind &apos;%1&apos; (expected &apos;%2&apos;)</source>
        <translation>unknown head kind &apos;%1&apos; (expected &apos;%2&apos;)</translation>
    </message>
</context>
<context>
    <name>rx::TorchArchive</name>
    <message>
        <source>not a checkpoint, or a damaged one (%1)</source>
        <translation>not a checkpoint, or a damaged one (%1)</translation>
    </message>
    <message>
        <source>its zip directory</source>
        <translation>its zip directory</translation>
    </message>
</context>
<context>
    <name>rx::TrainConfig</name>
    <message>
        <source>a string</source>
        <translation>a string</translation>
    </message>
    <message>
        <source>a positive integer</source>
        <translation>a positive integer</translation>
    </message>
    <message>
        <source>a non-negative integer</source>
        <translation>a non-negative integer</translation>
    </message>
    <message>
        <source>a positive number</source>
        <translation>a positive number</translation>
    </message>
    <message>
        <source>a non-negative number</source>
        <translation>a non-negative number</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>expected %1, got %2</translation>
    </message>
    <message>
        <source>positive epochs</source>
        <translation>positive epochs</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true or false</translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation>one of %1</translation>
    </message>
    <message>
        <source>an array of epochs</source>
        <translation>an array of epochs</translation>
    </message>
    <message>
        <source>a percentage from 0 to 100</source>
        <translation>a percentage from 0 to 100</translation>
    </message>
</context>
<context>
    <name>rx::TrainForm</name>
    <message>
        <source>Training (the paper&apos;s recipe)</source>
        <translation>Training (the paper&apos;s recipe)</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>Iterations</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <source>Stop after this many iterations; auto: after the epochs below, or the paper&apos;s %1 when they are — too.</source>
        <translation>Stop after this many iterations; auto: after the epochs below, or the paper&apos;s %1 when they are — too.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochs</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Used when iterations is auto: stop after this many epochs.</source>
        <translation>Used when iterations is auto: stop after this many epochs.</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Learning rate</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>Warm-up</translation>
    </message>
    <message>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <source>The paper&apos;s ResNet-110 warm-up: lr %1 until the training error is below %2 % (at most this many iterations).</source>
        <translation>The paper&apos;s ResNet-110 warm-up: lr %1 until the training error is below %2 % (at most this many iterations).</translation>
    </message>
    <message>
        <source>pad 4, random crop, flip</source>
        <translation>pad 4, random crop, flip</translation>
    </message>
    <message>
        <source>Augment</source>
        <translation>Augment</translation>
    </message>
    <message>
        <source>per-pixel mean (the paper)</source>
        <translation>per-pixel mean (the paper)</translation>
    </message>
    <message>
        <source>Normalise</source>
        <translation>Normalise</translation>
    </message>
    <message>
        <source>45k/5k train/validation</source>
        <translation>45k/5k train/validation</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Split</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>Training images</translation>
    </message>
    <message>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <source>Test images</source>
        <translation>Test images</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Report every</source>
        <translation>Report every</translation>
    </message>
    <message>
        <source>Training error and gradient norms are averaged and reported every this many iterations.</source>
        <translation>Training error and gradient norms are averaged and reported every this many iterations.</translation>
    </message>
    <message>
        <source>Device and data</source>
        <translation>Device and data</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>checking…</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>folder with data_batch_1.bin …</source>
        <translation>folder with data_batch_1.bin …</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>CIFAR-10 folder</source>
        <translation>CIFAR-10 folder</translation>
    </message>
    <message>
        <source>CIFAR-10</source>
        <translation>CIFAR-10</translation>
    </message>
    <message>
        <source>Download CIFAR-10 (163 MB)</source>
        <translation>Download CIFAR-10 (163 MB)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Network: &lt;b&gt;%1&lt;/b&gt; (from the builder)</source>
        <translation>Network: &lt;b&gt;%1&lt;/b&gt; (from the builder)</translation>
    </message>
    <message>
        <source>Network: &lt;b&gt;%1&lt;/b&gt; is invalid; fix it in the builder</source>
        <translation>Network: &lt;b&gt;%1&lt;/b&gt; is invalid; fix it in the builder</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <source>bf16 autocast runs the convolutions and matrix products in bfloat16 (batch norm, the loss and the weights stay in fp32). It needs a GPU or a CPU with native bf16 (AVX-512 BF16 or AMX); this CPU: %1. fp16 autocast (with loss scaling) needs a GPU.</source>
        <translation>bf16 autocast runs the convolutions and matrix products in bfloat16 (batch norm, the loss and the weights stay in fp32). It needs a GPU or a CPU with native bf16 (AVX-512 BF16 or AMX); this CPU: %1. fp16 autocast (with loss scaling) needs a GPU.</translation>
    </message>
    <message>
        <source>Memory: about %1</source>
        <translation>Memory: about %1</translation>
    </message>
    <message>
        <source>Memory: %1 of %2 available</source>
        <translation>Memory: %1 of %2 available</translation>
    </message>
    <message>
        <source>Memory: %1, but only %2 available: this run will not fit. Use a smaller batch or a smaller network.</source>
        <translation>Memory: %1, but only %2 available: this run will not fit. Use a smaller batch or a smaller network.</translation>
    </message>
    <message>
        <source>Estimated from the network and the batch: weights %1, gradients %2, momentum %3, activations of one step %4, kernel buffers %5, evaluation %6, data set %7, framework allowance %8.</source>
        <translation>Estimated from the network and the batch: weights %1, gradients %2, momentum %3, activations of one step %4, kernel buffers %5, evaluation %6, data set %7, framework allowance %8.</translation>
    </message>
</context>
<context>
    <name>rx::Trainer</name>
    <message>
        <source>the network is invalid:
%1</source>
        <translation>the network is invalid:
%1</translation>
    </message>
    <message>
        <source>cannot create the run folder %1</source>
        <translation>cannot create the run folder %1</translation>
    </message>
    <message>
        <source>cannot resume: %1 does not exist</source>
        <translation>cannot resume: %1 does not exist</translation>
    </message>
    <message>
        <source>training diverged: the loss became %1 at iteration %2. The run stopped; the last good checkpoint (iteration %3) is kept. Try a lower learning rate or a warm-up.</source>
        <translation>training diverged: the loss became %1 at iteration %2. The run stopped; the last good checkpoint (iteration %3) is kept. Try a lower learning rate or a warm-up.</translation>
    </message>
    <message>
        <source>training diverged: the loss became %1 at iteration %2, before any checkpoint was written. Try a lower learning rate or a warm-up.</source>
        <translation>training diverged: the loss became %1 at iteration %2, before any checkpoint was written. Try a lower learning rate or a warm-up.</translation>
    </message>
    <message>
        <source>the training set has %1 images; at least one batch is needed</source>
        <translation>the training set has %1 images; at least one batch is needed</translation>
    </message>
    <message>
        <source>training failed: %1</source>
        <translation>training failed: %1</translation>
    </message>
    <message>
        <source>invalid training settings: %1</source>
        <translation>invalid training settings: %1</translation>
    </message>
    <message>
        <source>%1: invalid training settings: %2</source>
        <translation>%1: invalid training settings: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
    <message>
        <source>bf16 needs a CPU that computes bf16 natively (AVX-512 BF16 or AMX); this one does not, and emulated bf16 would train slower than fp32. Train in fp32, or on a GPU.</source>
        <translation>bf16 needs a CPU that computes bf16 natively (AVX-512 BF16 or AMX); this one does not, and emulated bf16 would train slower than fp32. Train in fp32, or on a GPU.</translation>
    </message>
    <message>
        <source>fp16 autocast needs a GPU; on the CPU train in fp32 (or in bf16 where the CPU computes it natively).</source>
        <translation>fp16 autocast needs a GPU; on the CPU train in fp32 (or in bf16 where the CPU computes it natively).</translation>
    </message>
    <message>
        <source>out of memory at iteration %1 (%2). The run stopped; the last checkpoint (iteration %3) is kept. Use a smaller batch or a smaller network.</source>
        <translation>out of memory at iteration %1 (%2). The run stopped; the last checkpoint (iteration %3) is kept. Use a smaller batch or a smaller network.</translation>
    </message>
    <message>
        <source>out of memory at iteration %1 (%2), before any checkpoint was written. Use a smaller batch or a smaller network.</source>
        <translation>out of memory at iteration %1 (%2), before any checkpoint was written. Use a smaller batch or a smaller network.</translation>
    </message>
    <message>
        <source>%1. Training stopped; the last good checkpoint (iteration %2) is kept: free some space and resume the run.</source>
        <translation>%1. Training stopped; the last good checkpoint (iteration %2) is kept: free some space and resume the run.</translation>
    </message>
    <message>
        <source>%1. Training stopped before any checkpoint was written.</source>
        <translation>%1. Training stopped before any checkpoint was written.</translation>
    </message>
    <message>
        <source>the file must hold one JSON object</source>
        <translation>the file must hold one JSON object</translation>
    </message>
    <message>
        <source>a run cannot be resumed on several processes yet: resume it with one process (without --world-size)</source>
        <translation>a run cannot be resumed on several processes yet: resume it with one process (without --world-size)</translation>
    </message>
    <message>
        <source>with %1 ranks every batch needs at least %1 images, one for each rank; with %2 training images and a batch of %3 the last batch of each epoch holds %4. Change --batch or --train-subset.</source>
        <translation>with %1 ranks every batch needs at least %1 images, one for each rank; with %2 training images and a batch of %3 the last batch of each epoch holds %4. Change --batch or --train-subset.</translation>
    </message>
</context>
<context>
    <name>rx::TrainingDashboard</name>
    <message>
        <source>The network is invalid; fix it in the builder first.</source>
        <translation>The network is invalid; fix it in the builder first.</translation>
    </message>
    <message>
        <source>CIFAR-10 is not in %1. Choose its folder or download it.</source>
        <translation>CIFAR-10 is not in %1. Choose its folder or download it.</translation>
    </message>
    <message>
        <source>any known place</source>
        <translation>any known place</translation>
    </message>
    <message>
        <source>%1 · %2 training images · %3 iterations per epoch</source>
        <translation>%1 · %2 training images · %3 iterations per epoch</translation>
    </message>
    <message>
        <source>iteration %1 / %2 · epoch %3 · %4 images/s · ETA %5</source>
        <translation>iteration %1 / %2 · epoch %3 · %4 images/s · ETA %5</translation>
    </message>
    <message>
        <source>downloading CIFAR-10: %1 of %2 MB</source>
        <translation>downloading CIFAR-10: %1 of %2 MB</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>CIFAR-10 is ready in %1</source>
        <translation>CIFAR-10 is ready in %1</translation>
    </message>
    <message>
        <source>%1 is being trained by another process (%2).</source>
        <translation>%1 is being trained by another process (%2).</translation>
    </message>
    <message>
        <source>%1 has finished; nothing is left to train.</source>
        <translation>%1 has finished; nothing is left to train.</translation>
    </message>
    <message>
        <source>%1 has no checkpoint to resume from.</source>
        <translation>%1 has no checkpoint to resume from.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
</TS>
