<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>BlockKind</name>
    <message>
        <source>Basic</source>
        <translation>기본</translation>
    </message>
    <message>
        <source>Bottleneck</source>
        <translation>병목</translation>
    </message>
    <message>
        <source>Pre-activation basic</source>
        <translation>사전 활성화 기본</translation>
    </message>
    <message>
        <source>Pre-activation bottleneck</source>
        <translation>사전 활성화 병목</translation>
    </message>
    <message>
        <source>Plain basic</source>
        <translation>일반 기본</translation>
    </message>
    <message>
        <source>Plain bottleneck</source>
        <translation>일반 병목</translation>
    </message>
    <message>
        <source>Plain pre-activation basic</source>
        <translation>일반 사전 활성화 기본</translation>
    </message>
    <message>
        <source>Plain pre-activation bottleneck</source>
        <translation>일반 사전 활성화 병목</translation>
    </message>
    <message>
        <source>Two 3×3 convs with BN and ReLU; the input is added back before the last ReLU (paper Fig. 2).</source>
        <translation>BN과 ReLU가 붙은 3×3 합성곱 두 개. 마지막 ReLU 전에 입력을 다시 더합니다 (논문 그림 2).</translation>
    </message>
    <message>
        <source>1×1 reduces, 3×3 works, 1×1 restores 4× the width; the input is added back (paper Fig. 5, right).</source>
        <translation>1×1이 줄이고, 3×3이 처리하고, 1×1이 너비를 4배로 되돌립니다. 입력을 다시 더합니다 (논문 그림 5, 오른쪽).</translation>
    </message>
    <message>
        <source>BN-ReLU before each of two 3×3 convs, a pure identity shortcut and nothing after the addition (ECCV 2016).</source>
        <translation>3×3 합성곱 두 개 앞마다 BN-ReLU, 순수 항등 숏컷, 덧셈 뒤에는 아무것도 없음 (ECCV 2016).</translation>
    </message>
    <message>
        <source>Pre-activation 1×1, 3×3, 1×1 bottleneck used by ResNet-164 and ResNet-1001 (ECCV 2016).</source>
        <translation>ResNet-164와 ResNet-1001이 쓰는 사전 활성화 1×1, 3×3, 1×1 병목 (ECCV 2016).</translation>
    </message>
    <message>
        <source>Two 3×3 convs with BN and ReLU and no shortcut: the plain nets of Fig. 6 that degrade with depth.</source>
        <translation>숏컷 없이 BN과 ReLU가 붙은 3×3 합성곱 두 개: 깊이가 깊어질수록 나빠지는 그림 6의 일반 신경망.</translation>
    </message>
    <message>
        <source>A bottleneck without its shortcut.</source>
        <translation>숏컷이 없는 병목 블록.</translation>
    </message>
    <message>
        <source>A pre-activation basic block without its shortcut.</source>
        <translation>숏컷이 없는 사전 활성화 기본 블록.</translation>
    </message>
    <message>
        <source>A pre-activation bottleneck without its shortcut.</source>
        <translation>숏컷이 없는 사전 활성화 병목 블록.</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>20-layer plain net (paper Fig. 6, left)</source>
        <translation>20층 일반 신경망 (논문 그림 6, 왼쪽)</translation>
    </message>
    <message>
        <source>32-layer plain net (paper Fig. 6, left)</source>
        <translation>32층 일반 신경망 (논문 그림 6, 왼쪽)</translation>
    </message>
    <message>
        <source>44-layer plain net (paper Fig. 6, left)</source>
        <translation>44층 일반 신경망 (논문 그림 6, 왼쪽)</translation>
    </message>
    <message>
        <source>56-layer plain net (paper Fig. 6, left)</source>
        <translation>56층 일반 신경망 (논문 그림 6, 왼쪽)</translation>
    </message>
    <message>
        <source>110-layer plain net: fails to train well</source>
        <translation>110층 일반 신경망: 잘 학습되지 않음</translation>
    </message>
    <message>
        <source>ResNet-20, option A shortcuts (Table 6)</source>
        <translation>ResNet-20, 옵션 A 숏컷 연결 (표 6)</translation>
    </message>
    <message>
        <source>ResNet-32, option A shortcuts (Table 6)</source>
        <translation>ResNet-32, 옵션 A 숏컷 연결 (표 6)</translation>
    </message>
    <message>
        <source>ResNet-44, option A shortcuts (Table 6)</source>
        <translation>ResNet-44, 옵션 A 숏컷 연결 (표 6)</translation>
    </message>
    <message>
        <source>ResNet-56, option A shortcuts (Table 6)</source>
        <translation>ResNet-56, 옵션 A 숏컷 연결 (표 6)</translation>
    </message>
    <message>
        <source>ResNet-110, option A shortcuts (Table 6)</source>
        <translation>ResNet-110, 옵션 A 숏컷 연결 (표 6)</translation>
    </message>
    <message>
        <source>ResNet-1202, option A shortcuts: overfits (Table 6)</source>
        <translation>ResNet-1202, 옵션 A 숏컷 연결: 과적합 (표 6)</translation>
    </message>
    <message>
        <source>ResNet-20 with option B projections</source>
        <translation>옵션 B 투영을 쓰는 ResNet-20</translation>
    </message>
    <message>
        <source>Pre-activation ResNet-110 (Identity Mappings, 2016)</source>
        <translation>사전 활성화 ResNet-110 (항등 매핑 논문 Identity Mappings, 2016)</translation>
    </message>
    <message>
        <source>Pre-activation ResNet-164, bottleneck, 9n+2 with n = 18 (2016)</source>
        <translation>사전 활성화 ResNet-164, 병목, 9n+2 (n = 18) (2016)</translation>
    </message>
    <message>
        <source>ResNet-18, ImageNet stem (Table 1)</source>
        <translation>ResNet-18, ImageNet 줄기 (표 1)</translation>
    </message>
    <message>
        <source>ResNet-34, ImageNet stem (Table 1)</source>
        <translation>ResNet-34, ImageNet 줄기 (표 1)</translation>
    </message>
    <message>
        <source>ResNet-50, bottleneck, ImageNet stem (Table 1)</source>
        <translation>ResNet-50, 병목, ImageNet 줄기 (표 1)</translation>
    </message>
    <message>
        <source>ResNet-34 adapted to CIFAR: 3×3 stem, widths 16–128</source>
        <translation>CIFAR용 ResNet-34: 3×3 줄기, 너비 16–128</translation>
    </message>
    <message>
        <source>ResNet-32 with option B projections</source>
        <translation>옵션 B 투영을 쓰는 ResNet-32</translation>
    </message>
    <message>
        <source>ResNet-32 with option C: projections on every shortcut</source>
        <translation>옵션 C를 쓰는 ResNet-32: 모든 숏컷에서 투영</translation>
    </message>
</context>
<context>
    <name>ShortcutOption</name>
    <message>
        <source>A: identity, zero-padded channels</source>
        <translation>A: 항등, 0으로 채운 채널</translation>
    </message>
    <message>
        <source>A: [x, 0]</source>
        <translation>A: [x, 0]</translation>
    </message>
    <message>
        <source>B: projection where the shape changes</source>
        <translation>B: 모양이 바뀌는 곳에서 투영</translation>
    </message>
    <message>
        <source>B: 1×1 conv</source>
        <translation>B: 1×1 합성곱</translation>
    </message>
    <message>
        <source>C: projection on every shortcut</source>
        <translation>C: 모든 숏컷에서 투영</translation>
    </message>
    <message>
        <source>C: 1×1 conv</source>
        <translation>C: 1×1 합성곱</translation>
    </message>
</context>
<context>
    <name>StemKind</name>
    <message>
        <source>CIFAR: 3×3 conv</source>
        <translation>CIFAR: 3×3 합성곱</translation>
    </message>
    <message>
        <source>CIFAR stem</source>
        <translation>CIFAR 줄기</translation>
    </message>
    <message>
        <source>3×3 conv, 16 filters, stride 1: the first layer of the paper&apos;s CIFAR-10 nets.</source>
        <translation>3×3 합성곱, 필터 16개, 보폭 1: 논문 CIFAR-10 신경망의 첫 층.</translation>
    </message>
    <message>
        <source>ImageNet: 7×7 conv /2, max pool /2</source>
        <translation>ImageNet: 7×7 합성곱 /2, 최대 풀링 /2</translation>
    </message>
    <message>
        <source>ImageNet stem</source>
        <translation>ImageNet 줄기</translation>
    </message>
    <message>
        <source>7×7 conv, stride 2, then 3×3 max-pool, stride 2: the first layers of ResNet-18…152.</source>
        <translation>7×7 합성곱(보폭 2) 다음 3×3 최대 풀링(보폭 2): ResNet-18…152의 첫 층.</translation>
    </message>
</context>
<context>
    <name>rx::ActivationGradientPlot</name>
    <message>
        <source>block (sorted by norm)</source>
        <translation>블록 (노름 순 정렬)</translation>
    </message>
    <message>
        <source>block (input side at the left)</source>
        <translation>블록 (왼쪽이 입력 쪽)</translation>
    </message>
    <message>
        <source>‖∂loss/∂block output‖</source>
        <translation>‖∂손실/∂블록 출력‖</translation>
    </message>
</context>
<context>
    <name>rx::ActivationMaps</name>
    <message>
        <source>x: the block&apos;s input</source>
        <translation>x: 블록의 입력</translation>
    </message>
    <message>
        <source>F(x): what the residual branch adds</source>
        <translation>F(x): 잔차 가지가 더하는 것</translation>
    </message>
    <message>
        <source>the block&apos;s output</source>
        <translation>블록의 출력</translation>
    </message>
    <message>
        <source>output: x + F(x), then ReLU</source>
        <translation>출력: x + F(x), 그다음 ReLU</translation>
    </message>
    <message>
        <source>residual</source>
        <translation>잔차</translation>
    </message>
    <message>
        <source>plain</source>
        <translation>일반</translation>
    </message>
    <message>
        <source>, downsampling</source>
        <translation>, 다운샘플링</translation>
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
채널 %4개 중 %3번, %5×%6
값 %7 ~ %8</translation>
    </message>
    <message>
        <source>unknown export format for %1 (use .png, .pdf or .svg)</source>
        <translation>%1의 내보내기 형식을 알 수 없습니다 (.png, .pdf, .svg를 쓰세요)</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1에 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>rx::ActivationView</name>
    <message>
        <source>%1 is not a run folder.</source>
        <translation>%1은(는) 실행 폴더가 아닙니다.</translation>
    </message>
    <message>
        <source>The run %1 has no checkpoint (%2) yet: train it first.</source>
        <translation>실행 %1에는 아직 체크포인트(%2)가 없습니다: 먼저 학습하세요.</translation>
    </message>
    <message>
        <source>CIFAR-10 is not on this computer: download it with the Training tab&apos;s Download button or with resnet-explorer-cli download --out %1.</source>
        <translation>이 컴퓨터에 CIFAR-10이 없습니다: 학습 탭의 내려받기 버튼이나 resnet-explorer-cli download --out %1로 받으세요.</translation>
    </message>
    <message>
        <source>&amp;Run:</source>
        <translation>실행(&amp;R):</translation>
    </message>
    <message>
        <source>Choose a trained run…</source>
        <translation>학습된 실행을 고르세요…</translation>
    </message>
    <message>
        <source>The runs of the Training tab.</source>
        <translation>학습 탭의 실행들.</translation>
    </message>
    <message>
        <source>Test &amp;image:</source>
        <translation>테스트 이미지(&amp;I):</translation>
    </message>
    <message>
        <source>The test image&apos;s index in the test set, 0 to 9999.</source>
        <translation>테스트 세트에서 테스트 이미지의 번호, 0에서 9999까지.</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <source>Show a test image chosen at random.</source>
        <translation>무작위로 고른 테스트 이미지를 보여 줍니다.</translation>
    </message>
    <message>
        <source>&amp;Channels from:</source>
        <translation>시작 채널(&amp;C):</translation>
    </message>
    <message>
        <source>The first channel shown of each block.</source>
        <translation>각 블록에서 보여 줄 첫 채널.</translation>
    </message>
    <message>
        <source>How many channels are shown of each block.</source>
        <translation>각 블록에서 보여 줄 채널 수.</translation>
    </message>
    <message>
        <source> shown</source>
        <translation>개 표시</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Activations&lt;/h3&gt;&lt;p&gt;One test image goes through the trained network. Each row is a block: on the left what comes in (&lt;b&gt;x&lt;/b&gt;), in the middle what the residual branch computes (&lt;b&gt;F(x)&lt;/b&gt;), on the right what the block passes on (&lt;b&gt;x + F(x)&lt;/b&gt;, then ReLU). Each small square is one channel&apos;s feature map: red above zero, blue below, white at zero, on one colour scale per block.&lt;/p&gt;&lt;h4&gt;What to look for&lt;/h4&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Residual net&lt;/b&gt;: in most blocks F(x) is faint next to x, and the output looks like the input: each block changes the picture only a little. The number ‖F(x)‖/‖x‖ says how much. Only the downsampling blocks (the first of each stage) change it clearly.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Plain net&lt;/b&gt;: there is no x to add to, so each block&apos;s output is a new picture; only the outputs are shown.&lt;/li&gt;&lt;li&gt;Compare an image the network gets right with one it gets wrong (the top-3 classes above the maps).&lt;/li&gt;&lt;/ul&gt;&lt;h4&gt;Why&lt;/h4&gt;&lt;p&gt;A residual block only has to learn a correction to its input. In a trained network the corrections of later blocks are small: the blocks refine one representation step by step instead of each building a new one (the paper&apos;s Fig. 7, and Greff et al.&apos;s and Jastrzębski et al.&apos;s &quot;iterative inference&quot;).&lt;/p&gt;&lt;h4&gt;References&lt;/h4&gt;&lt;p&gt;K. He, X. Zhang, S. Ren, J. Sun: &lt;i&gt;Deep Residual Learning for Image Recognition&lt;/i&gt;, CVPR 2016, &lt;a href=&quot;https://arxiv.org/abs/1512.03385&quot;&gt;arXiv:1512.03385&lt;/a&gt;.&lt;br&gt;K. Greff, R. K. Srivastava, J. Schmidhuber: &lt;i&gt;Highway and Residual Networks learn Unrolled Iterative Estimation&lt;/i&gt;, ICLR 2017, &lt;a href=&quot;https://arxiv.org/abs/1612.07771&quot;&gt;arXiv:1612.07771&lt;/a&gt;.&lt;br&gt;S. Jastrzębski et al.: &lt;i&gt;Residual Connections Encourage Iterative Inference&lt;/i&gt;, ICLR 2018, &lt;a href=&quot;https://arxiv.org/abs/1710.04773&quot;&gt;arXiv:1710.04773&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;From the command line: &lt;tt&gt;resnet-explorer-cli analyze activations RUN_DIR --image N&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;활성값&lt;/h3&gt;&lt;p&gt;테스트 이미지 하나가 학습된 신경망을 통과합니다. 각 행은 블록 하나입니다: 왼쪽은 들어오는 것(&lt;b&gt;x&lt;/b&gt;), 가운데는 잔차 가지가 계산하는 것(&lt;b&gt;F(x)&lt;/b&gt;), 오른쪽은 블록이 내보내는 것(&lt;b&gt;x + F(x)&lt;/b&gt;, 그다음 ReLU)입니다. 작은 사각형 하나하나가 채널 하나의 특징 맵입니다: 0보다 크면 빨간색, 작으면 파란색, 0이면 흰색이며, 블록마다 하나의 색 척도를 씁니다.&lt;/p&gt;&lt;h4&gt;살펴볼 점&lt;/h4&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;잔차 신경망&lt;/b&gt;: 대부분의 블록에서 F(x)는 x에 비해 흐리고, 출력은 입력과 비슷해 보입니다: 각 블록은 그림을 조금만 바꿉니다. 얼마나 바꾸는지는 ‖F(x)‖/‖x‖ 값이 알려 줍니다. 다운샘플링 블록(각 단계의 첫 블록)만 그림을 뚜렷하게 바꿉니다.&lt;/li&gt;&lt;li&gt;&lt;b&gt;일반 신경망&lt;/b&gt;: 더해 줄 x가 없으므로 각 블록의 출력은 새로운 그림입니다. 출력만 보여 줍니다.&lt;/li&gt;&lt;li&gt;신경망이 맞힌 이미지와 틀린 이미지를 비교해 보세요 (상위 3개 클래스는 맵 위에 나옵니다).&lt;/li&gt;&lt;/ul&gt;&lt;h4&gt;이유&lt;/h4&gt;&lt;p&gt;잔차 블록은 입력에 대한 보정만 학습하면 됩니다. 학습된 신경망에서 뒤쪽 블록들의 보정은 작습니다: 블록마다 새 표현을 만드는 대신, 블록들이 하나의 표현을 한 단계씩 다듬습니다 (논문의 그림 7, 그리고 Greff et al.과 Jastrzębski et al.의 &quot;반복 추론&quot;).&lt;/p&gt;&lt;h4&gt;참고 문헌&lt;/h4&gt;&lt;p&gt;K. He, X. Zhang, S. Ren, J. Sun: &lt;i&gt;Deep Residual Learning for Image Recognition&lt;/i&gt;, CVPR 2016, &lt;a href=&quot;https://arxiv.org/abs/1512.03385&quot;&gt;arXiv:1512.03385&lt;/a&gt;.&lt;br&gt;K. Greff, R. K. Srivastava, J. Schmidhuber: &lt;i&gt;Highway and Residual Networks learn Unrolled Iterative Estimation&lt;/i&gt;, ICLR 2017, &lt;a href=&quot;https://arxiv.org/abs/1612.07771&quot;&gt;arXiv:1612.07771&lt;/a&gt;.&lt;br&gt;S. Jastrzębski et al.: &lt;i&gt;Residual Connections Encourage Iterative Inference&lt;/i&gt;, ICLR 2018, &lt;a href=&quot;https://arxiv.org/abs/1710.04773&quot;&gt;arXiv:1710.04773&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;명령줄에서: &lt;tt&gt;resnet-explorer-cli analyze activations RUN_DIR --image N&lt;/tt&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;True class: %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;실제 클래스: %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1. %2 %3 %</source>
        <translation>%1. %2 %3 %</translation>
    </message>
    <message>
        <source>Choose a trained run: its blocks&apos; activations for one test image show here.</source>
        <translation>학습된 실행을 고르세요: 테스트 이미지 하나에 대한 블록들의 활성값이 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>Computing the activations of test image %1…</source>
        <translation>테스트 이미지 %1의 활성값을 계산하는 중…</translation>
    </message>
    <message>
        <source>%1 · test image %2 · %3</source>
        <translation>%1 · 테스트 이미지 %2 · %3</translation>
    </message>
    <message>
        <source>residual net</source>
        <translation>잔차 신경망</translation>
    </message>
    <message>
        <source>plain net</source>
        <translation>일반 신경망</translation>
    </message>
</context>
<context>
    <name>rx::Activations</name>
    <message>
        <source>no trained network is loaded</source>
        <translation>학습된 신경망을 불러오지 않았습니다</translation>
    </message>
    <message>
        <source>test image %1 does not exist (the test set has images 0 to %2)</source>
        <translation>테스트 이미지 %1이(가) 없습니다 (테스트 세트의 이미지는 0부터 %2까지입니다)</translation>
    </message>
    <message>
        <source>cannot compute the activations of %1: %2</source>
        <translation>%1의 활성값을 계산할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 is not an activation snapshot</source>
        <translation>%1은(는) 활성값 스냅숏이 아닙니다</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>rx::Analyzer</name>
    <message>
        <source>stage %1, block %2: </source>
        <translation>%1단계, %2번째 블록: </translation>
    </message>
    <message>
        <source>stage %1: </source>
        <translation>%1단계: </translation>
    </message>
    <message>
        <source>%1 must be at least %2, got %3</source>
        <translation>%1은(는) %2 이상이어야 하는데 %3입니다</translation>
    </message>
    <message>
        <source>%1 of %2 is absurd; at most %3 is supported</source>
        <translation>%1 %2은(는) 너무 큽니다. 최대 %3까지 지원합니다</translation>
    </message>
    <message>
        <source>input channels</source>
        <translation>입력 채널 수</translation>
    </message>
    <message>
        <source>input height</source>
        <translation>입력 높이</translation>
    </message>
    <message>
        <source>input width</source>
        <translation>입력 너비</translation>
    </message>
    <message>
        <source>number of classes</source>
        <translation>클래스 수</translation>
    </message>
    <message>
        <source>stem width</source>
        <translation>줄기 너비</translation>
    </message>
    <message>
        <source>the network has no stages; add at least one</source>
        <translation>신경망에 단계가 없습니다. 하나 이상 추가하세요</translation>
    </message>
    <message>
        <source>the network has %1 stages; at most %2 are supported</source>
        <translation>신경망의 단계가 %1개입니다. 최대 %2개까지 지원합니다</translation>
    </message>
    <message>
        <source>number of blocks</source>
        <translation>블록 수</translation>
    </message>
    <message>
        <source>width</source>
        <translation>너비</translation>
    </message>
    <message>
        <source>stride</source>
        <translation>보폭</translation>
    </message>
    <message>
        <source>the network has %1 blocks; at most %2 are supported</source>
        <translation>신경망의 블록이 %1개입니다. 최대 %2개까지 지원합니다</translation>
    </message>
    <message>
        <source>the spatial size would fall below 1×1: %1 downsamples a %2×%3 feature map by stride %4</source>
        <translation>공간 크기가 1×1보다 작아집니다: %1이(가) %2×%3 특징 맵을 보폭 %4로 줄입니다</translation>
    </message>
    <message>
        <source>stem: </source>
        <translation>줄기: </translation>
    </message>
    <message>
        <source>the stem&apos;s %1×%1 conv</source>
        <translation>줄기의 %1×%1 합성곱</translation>
    </message>
    <message>
        <source>the stem&apos;s max pool</source>
        <translation>줄기의 최대 풀링</translation>
    </message>
    <message>
        <source>shortcut option A can only add channels (zero padding), but the block maps %1 channels to %2; use option B or C</source>
        <translation>숏컷 옵션 A는 채널을 늘릴 수만 있는데(0 채우기), 이 블록은 채널 %1개를 %2개로 바꿉니다. 옵션 B나 C를 쓰세요</translation>
    </message>
    <message>
        <source>its %1×%1 conv (%2)</source>
        <translation>블록의 %1×%1 합성곱 (%2)</translation>
    </message>
</context>
<context>
    <name>rx::Autosave</name>
    <message>
        <source>cannot create the autosave folder %1</source>
        <translation>자동 저장 폴더 %1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <source>cannot lock %1</source>
        <translation>%1을(를) 잠글 수 없습니다</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>자동 저장 실패: %1</translation>
    </message>
</context>
<context>
    <name>rx::BatchNormMode</name>
    <message>
        <source>synchronised over the ranks</source>
        <translation>랭크 전체에서 동기화</translation>
    </message>
    <message>
        <source>per rank, running statistics from rank 0</source>
        <translation>랭크별, 이동 통계는 랭크 0의 것</translation>
    </message>
</context>
<context>
    <name>rx::BlockHistoryPlot</name>
    <message>
        <source>iteration</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>‖F(x)‖ / ‖x‖</source>
        <translation>‖F(x)‖ / ‖x‖</translation>
    </message>
    <message>
        <source>‖∂loss/∂ block output‖</source>
        <translation>‖∂손실/∂ 블록 출력‖</translation>
    </message>
    <message>
        <source>No residual blocks:
a plain net has no shortcut.</source>
        <translation>잔차 블록이 없습니다:
일반 신경망에는 숏컷이 없습니다.</translation>
    </message>
    <message>
        <source>No measurements.</source>
        <translation>측정값이 없습니다.</translation>
    </message>
</context>
<context>
    <name>rx::BlockPalette</name>
    <message>
        <source>Stage</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>A new stage of blocks at twice the width and half the feature-map size.</source>
        <translation>너비는 두 배, 특징 맵 크기는 절반인 새 블록 단계.</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>머리</translation>
    </message>
    <message>
        <source>Global average pooling and a fully connected layer to the 10 classes; every network ends with it.</source>
        <translation>전역 평균 풀링과 10개 클래스로 가는 완전 연결 층. 모든 신경망이 이것으로 끝납니다.</translation>
    </message>
</context>
<context>
    <name>rx::Cifar10</name>
    <message>
        <source>CIFAR-10 folder %1 does not exist; download the dataset or choose the folder holding data_batch_1.bin … test_batch.bin</source>
        <translation>CIFAR-10 폴더 %1이(가) 없습니다. 데이터셋을 내려받거나 data_batch_1.bin … test_batch.bin이 있는 폴더를 고르세요</translation>
    </message>
    <message>
        <source>CIFAR-10 file %1 is missing</source>
        <translation>CIFAR-10 파일 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>CIFAR-10 file %1 is truncated or damaged: %2 bytes, expected %3 (10,000 records of 3,073 bytes)</source>
        <translation>CIFAR-10 파일 %1이(가) 잘렸거나 손상되었습니다: %2바이트, 예상 %3바이트 (3,073바이트 레코드 10,000개)</translation>
    </message>
    <message>
        <source>CIFAR-10 file %1: record %2 has label %3, outside 0–9</source>
        <translation>CIFAR-10 파일 %1: 레코드 %2의 레이블 %3이(가) 0–9 범위를 벗어납니다</translation>
    </message>
    <message>
        <source>airplane</source>
        <translation>비행기</translation>
    </message>
    <message>
        <source>automobile</source>
        <translation>자동차</translation>
    </message>
    <message>
        <source>bird</source>
        <translation>새</translation>
    </message>
    <message>
        <source>cat</source>
        <translation>고양이</translation>
    </message>
    <message>
        <source>deer</source>
        <translation>사슴</translation>
    </message>
    <message>
        <source>dog</source>
        <translation>개</translation>
    </message>
    <message>
        <source>frog</source>
        <translation>개구리</translation>
    </message>
    <message>
        <source>horse</source>
        <translation>말</translation>
    </message>
    <message>
        <source>ship</source>
        <translation>배</translation>
    </message>
    <message>
        <source>truck</source>
        <translation>트럭</translation>
    </message>
</context>
<context>
    <name>rx::Cli</name>
    <message>
        <source>&apos;%1&apos; is neither a preset name nor an existing file; run &apos;presets&apos; for the list</source>
        <translation>&apos;%1&apos;은(는) 프리셋 이름도, 있는 파일도 아닙니다. 목록은 &apos;presets&apos;로 보세요</translation>
    </message>
    <message>
        <source>CIFAR-10 not found: pass --data DIR, set CIFAR10_DIR, or run &apos;resnet-explorer-cli download&apos;</source>
        <translation>CIFAR-10을 찾을 수 없습니다: --data DIR을 주거나 CIFAR10_DIR을 설정하거나 &apos;resnet-explorer-cli download&apos;를 실행하세요</translation>
    </message>
    <message>
        <source>invalid value &apos;%2&apos; for --%1</source>
        <translation>--%1에 잘못된 값 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>List the network presets, one name per line.</source>
        <translation>신경망 프리셋 이름을 한 줄에 하나씩 보여 줍니다.</translation>
    </message>
    <message>
        <source>Depth, parameters, MACs and the stage table of a network.</source>
        <translation>신경망의 깊이, 매개변수, 곱셈-누산 수와 단계 표.</translation>
    </message>
    <message>
        <source>Preset name or .resnet.json file.</source>
        <translation>프리셋 이름 또는 .resnet.json 파일.</translation>
    </message>
    <message>
        <source>Print JSON instead of a table.</source>
        <translation>표 대신 JSON으로 출력합니다.</translation>
    </message>
    <message>
        <source>Check a .resnet.json file.</source>
        <translation>.resnet.json 파일을 검사합니다.</translation>
    </message>
    <message>
        <source>The .resnet.json file.</source>
        <translation>.resnet.json 파일.</translation>
    </message>
    <message>
        <source>expected exactly one %1</source>
        <translation>%1이(가) 정확히 하나 있어야 합니다</translation>
    </message>
    <message>
        <source>presets takes no arguments</source>
        <translation>presets는 인수를 받지 않습니다</translation>
    </message>
</context>
<context>
    <name>rx::CliActivations</name>
    <message>
        <source>Activation viewer: for one test image, each block&apos;s input x, what its residual branch adds F(x), and its output, as feature maps, with the network&apos;s top-3 classes. Writes RUN_DIR/activations.json.</source>
        <translation>활성값 보기: 테스트 이미지 하나에 대해 각 블록의 입력 x, 잔차 가지가 더하는 F(x), 블록의 출력을 특징 맵으로 신경망의 상위 3개 클래스와 함께 보여 줍니다. RUN_DIR/activations.json에 씁니다.</translation>
    </message>
    <message>
        <source>The run folder (with its checkpoint.pt).</source>
        <translation>실행 폴더 (checkpoint.pt가 있어야 합니다).</translation>
    </message>
    <message>
        <source>The test image: its index in test_batch.bin, 0 to 9999 (default 0).</source>
        <translation>테스트 이미지: test_batch.bin에서의 번호, 0에서 9999까지 (기본값 0).</translation>
    </message>
    <message>
        <source>Folder with the CIFAR-10 .bin files.</source>
        <translation>CIFAR-10 .bin 파일이 있는 폴더.</translation>
    </message>
    <message>
        <source>CPU threads (default: every core, %1 here).</source>
        <translation>CPU 스레드 수 (기본값: 모든 코어, 여기서는 %1).</translation>
    </message>
    <message>
        <source>give one RUN_DIR</source>
        <translation>RUN_DIR 하나를 주세요</translation>
    </message>
    <message>
        <source>%1 is not a run folder (a folder that training wrote)</source>
        <translation>%1은(는) 실행 폴더(학습이 쓴 폴더)가 아닙니다</translation>
    </message>
    <message>
        <source>test image %1 · true class: %2</source>
        <translation>테스트 이미지 %1 · 실제 클래스: %2</translation>
    </message>
    <message>
        <source>top classes:</source>
        <translation>상위 클래스:</translation>
    </message>
    <message>
        <source>block</source>
        <translation>블록</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>output shape</source>
        <translation>출력 모양</translation>
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
        <translation>잔차</translation>
    </message>
    <message>
        <source>plain</source>
        <translation>일반</translation>
    </message>
    <message>
        <source>downsampling</source>
        <translation>다운샘플링</translation>
    </message>
    <message>
        <source>wrote %1 (%2 s)</source>
        <translation>%1을(를) 썼습니다 (%2 s)</translation>
    </message>
</context>
<context>
    <name>rx::CliDynamics</name>
    <message>
        <source>Block dynamics over training: each block&apos;s residual ratio ‖F(x)‖ / ‖x‖ and the norm of the loss gradient at its output, as the run measured them. Writes RUN_DIR/dynamics.json.</source>
        <translation>학습 중의 블록 동역학: 실행이 측정한, 각 블록의 잔차 비율 ‖F(x)‖ / ‖x‖와 블록 출력에서의 손실 기울기 노름. RUN_DIR/dynamics.json에 씁니다.</translation>
    </message>
    <message>
        <source>The run folder (with its metrics.jsonl).</source>
        <translation>실행 폴더 (metrics.jsonl이 있어야 합니다).</translation>
    </message>
    <message>
        <source>give one RUN_DIR</source>
        <translation>RUN_DIR 하나를 주세요</translation>
    </message>
    <message>
        <source>%1 is not a run folder (a folder that training wrote)</source>
        <translation>%1은(는) 실행 폴더(학습이 쓴 폴더)가 아닙니다</translation>
    </message>
    <message>
        <source>%1 · %2 measurements, iterations %3 to %4</source>
        <translation>%1 · 측정 %2회, 반복 %3부터 %4까지</translation>
    </message>
    <message>
        <source>block</source>
        <translation>블록</translation>
    </message>
    <message>
        <source>ratio @%1</source>
        <translation>비율 @%1</translation>
    </message>
    <message>
        <source>gradient @%1</source>
        <translation>기울기 @%1</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>%1을(를) 썼습니다</translation>
    </message>
</context>
<context>
    <name>rx::CliExperiment</name>
    <message>
        <source>unknown experiment &apos;%1&apos; (see &apos;experiment list&apos;)</source>
        <translation>알 수 없는 실험 &apos;%1&apos; (&apos;experiment list&apos;를 보세요)</translation>
    </message>
    <message>
        <source>CPU threads (default: every core).</source>
        <translation>CPU 스레드 수 (기본값: 모든 코어).</translation>
    </message>
    <message>
        <source>Device: %1 (default auto).</source>
        <translation>장치: %1 (기본값 auto).</translation>
    </message>
    <message>
        <source>List the experiments with their networks and the time each variant takes here, estimated from a measured training step.</source>
        <translation>실험과 그 신경망, 그리고 각 방식이 이 컴퓨터에서 걸리는 시간(측정한 학습 한 단계로 추정)을 보여 줍니다.</translation>
    </message>
    <message>
        <source>Do not measure a step; print no times.</source>
        <translation>한 단계를 측정하지 않고 시간도 출력하지 않습니다.</translation>
    </message>
    <message>
        <source>times estimated from a measured training step on %1</source>
        <translation>%1에서 측정한 학습 한 단계로 추정한 시간</translation>
    </message>
    <message>
        <source>quick: %1</source>
        <translation>빠른 방식: %1</translation>
    </message>
    <message>
        <source>Train an experiment&apos;s networks one after another into DIR (one run folder each), then write DIR/summary.json and the figure DIR/figure.png and DIR/figure.pdf.</source>
        <translation>실험의 신경망을 차례로 DIR에 학습하고(신경망마다 실행 폴더 하나), DIR/summary.json과 그림 DIR/figure.png, DIR/figure.pdf를 씁니다.</translation>
    </message>
    <message>
        <source>The experiment (see &apos;experiment list&apos;).</source>
        <translation>실험 (&apos;experiment list&apos;를 보세요).</translation>
    </message>
    <message>
        <source>The quick variant for a CPU: fewer networks, a training subset, fewer iterations.</source>
        <translation>CPU용 빠른 방식: 더 적은 신경망, 학습 데이터 일부, 더 적은 반복.</translation>
    </message>
    <message>
        <source>The experiment&apos;s folder.</source>
        <translation>실험 폴더.</translation>
    </message>
    <message>
        <source>Folder with the CIFAR-10 .bin files.</source>
        <translation>CIFAR-10 .bin 파일이 있는 폴더.</translation>
    </message>
    <message>
        <source>Random seed of every run (default 1).</source>
        <translation>모든 실행의 난수 시드 (기본값 1).</translation>
    </message>
    <message>
        <source>Train each network for N iterations instead of the variant&apos;s.</source>
        <translation>각 신경망을 방식이 정한 횟수 대신 N번 반복 학습합니다.</translation>
    </message>
    <message>
        <source>Continue the experiment in DIR where it stopped.</source>
        <translation>DIR의 실험을 멈춘 곳부터 이어 갑니다.</translation>
    </message>
    <message>
        <source>give one experiment NAME</source>
        <translation>실험 이름(NAME)을 하나 주세요</translation>
    </message>
    <message>
        <source>--out DIR is required</source>
        <translation>--out DIR이 필요합니다</translation>
    </message>
    <message>
        <source>finished earlier, kept</source>
        <translation>이미 끝났으므로 그대로 둡니다</translation>
    </message>
    <message>
        <source>stopping: the current run keeps its checkpoint; continue with --resume</source>
        <translation>멈추는 중: 지금 실행은 체크포인트를 남깁니다. --resume으로 이어 가세요</translation>
    </message>
    <message>
        <source>summary: %1; figure: %2</source>
        <translation>요약: %1, 그림: %2</translation>
    </message>
    <message>
        <source>stopped; continue with: resnet-explorer-cli experiment run %1%2 --out %3 --resume</source>
        <translation>멈췄습니다. 이어 가려면: resnet-explorer-cli experiment run %1%2 --out %3 --resume</translation>
    </message>
</context>
<context>
    <name>rx::CliLandscape</name>
    <message>
        <source>The training loss around a run&apos;s trained weights along two random filter-normalised directions (Li et al. 2018), written to RUN_DIR/%1.</source>
        <translation>실행의 학습된 가중치 주변에서 필터 정규화한 두 무작위 방향(Li et al. 2018)을 따라 학습 손실을 구해 RUN_DIR/%1에 씁니다.</translation>
    </message>
    <message>
        <source>The run folder (its checkpoint.pt is used).</source>
        <translation>실행 폴더 (그 checkpoint.pt를 씁니다).</translation>
    </message>
    <message>
        <source>Points per axis, odd (default %1).</source>
        <translation>축당 점 개수, 홀수 (기본값 %1).</translation>
    </message>
    <message>
        <source>The grid spans [-R, R] along both directions (default %1).</source>
        <translation>격자는 두 방향 모두 [-R, R] 범위에 걸칩니다 (기본값 %1).</translation>
    </message>
    <message>
        <source>Training images, spread evenly over the 50,000 (default %1).</source>
        <translation>학습 이미지 수, 50,000개 전체에서 고르게 뽑습니다 (기본값 %1).</translation>
    </message>
    <message>
        <source>Seed of the two random directions (default 1).</source>
        <translation>두 무작위 방향의 시드 (기본값 1).</translation>
    </message>
    <message>
        <source>Folder with the CIFAR-10 .bin files.</source>
        <translation>CIFAR-10 .bin 파일이 있는 폴더.</translation>
    </message>
    <message>
        <source>CPU threads (default: every core, %1 here).</source>
        <translation>CPU 스레드 수 (기본값: 모든 코어, 여기서는 %1).</translation>
    </message>
    <message>
        <source>expected one RUN_DIR</source>
        <translation>RUN_DIR 하나가 필요합니다</translation>
    </message>
    <message>
        <source>%1 is not a run folder</source>
        <translation>%1은(는) 실행 폴더가 아닙니다</translation>
    </message>
</context>
<context>
    <name>rx::CliLaunch</name>
    <message>
        <source>usage: resnet-explorer-cli launch --nproc N [--port PORT] train OPTIONS…

Runs &apos;train OPTIONS…&apos; on N processes of this machine together (data-parallel, --world-size N), rank 0 listening on 127.0.0.1:PORT (default: a free port). --batch is the global batch. Rank 0&apos;s output is shown and rank 0 alone writes the run folder; each rank gets cores / N threads unless --threads is given. When a rank fails, the others are stopped.</source>
        <translation>사용법: resnet-explorer-cli launch --nproc N [--port PORT] train 옵션…

&apos;train 옵션…&apos;을 이 컴퓨터의 프로세스 N개에서 함께 실행합니다(데이터 병렬, --world-size N). 랭크 0은 127.0.0.1:PORT에서 기다립니다(기본값: 비어 있는 포트). --batch는 전체 배치입니다. 랭크 0의 출력이 표시되고 실행 폴더는 랭크 0만 씁니다. --threads를 주지 않으면 각 랭크는 코어 수 / N개의 스레드를 씁니다. 한 랭크가 실패하면 나머지도 멈춥니다.</translation>
    </message>
    <message>
        <source>invalid value &apos;%1&apos; for --nproc (expected a number of processes, at least 1)</source>
        <translation>--nproc 값 &apos;%1&apos;이(가) 잘못되었습니다(1 이상의 프로세스 수가 필요합니다)</translation>
    </message>
    <message>
        <source>invalid value &apos;%1&apos; for --port (expected 1 to 65535)</source>
        <translation>--port 값 &apos;%1&apos;이(가) 잘못되었습니다(1부터 65535까지)</translation>
    </message>
    <message>
        <source>launch runs &apos;train&apos;: put &apos;train&apos; and its options last</source>
        <translation>launch는 &apos;train&apos;을 실행합니다: &apos;train&apos;과 그 옵션을 맨 뒤에 두세요</translation>
    </message>
    <message>
        <source>%1 is set by launch; leave it out</source>
        <translation>%1은(는) launch가 정합니다. 빼 주세요</translation>
    </message>
    <message>
        <source>no free port on 127.0.0.1</source>
        <translation>127.0.0.1에 비어 있는 포트가 없습니다</translation>
    </message>
    <message>
        <source>rank %1 could not start: %2</source>
        <translation>랭크 %1을(를) 시작할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>rank %1 failed (exit code %2): %3</source>
        <translation>랭크 %1이(가) 실패했습니다(종료 코드 %2): %3</translation>
    </message>
    <message>
        <source>rank %1 was killed: %2</source>
        <translation>랭크 %1이(가) 강제 종료되었습니다: %2</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>메시지 없음</translation>
    </message>
</context>
<context>
    <name>rx::CliLesion</name>
    <message>
        <source>Lesion study (Veit et al. 2016): the test error with each block left out, and with k random blocks left out at once. Writes RUN_DIR/lesion.json.</source>
        <translation>블록 제거 실험 (Veit et al. 2016): 블록을 하나씩 뺐을 때와 무작위 블록 k개를 한꺼번에 뺐을 때의 테스트 오차. RUN_DIR/lesion.json에 씁니다.</translation>
    </message>
    <message>
        <source>The run folder (with its checkpoint.pt).</source>
        <translation>실행 폴더 (checkpoint.pt가 있어야 합니다).</translation>
    </message>
    <message>
        <source>Test images, spread evenly over the set (default %1).</source>
        <translation>테스트 이미지 수, 테스트 세트 전체에서 고르게 뽑습니다 (기본값 %1).</translation>
    </message>
    <message>
        <source>Folder with the CIFAR-10 .bin files.</source>
        <translation>CIFAR-10 .bin 파일이 있는 폴더.</translation>
    </message>
    <message>
        <source>CPU threads (default: every core, %1 here).</source>
        <translation>CPU 스레드 수 (기본값: 모든 코어, 여기서는 %1).</translation>
    </message>
    <message>
        <source>Random subsets of blocks per k (default %1).</source>
        <translation>k마다 뽑는 무작위 블록 부분집합 수 (기본값 %1).</translation>
    </message>
    <message>
        <source>Seed of the random subsets (default 1).</source>
        <translation>무작위 부분집합의 시드 (기본값 1).</translation>
    </message>
    <message>
        <source>give one RUN_DIR</source>
        <translation>RUN_DIR 하나를 주세요</translation>
    </message>
    <message>
        <source>the run folder %1 does not exist</source>
        <translation>실행 폴더 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>%1 is not a run folder (a folder that training wrote)</source>
        <translation>%1은(는) 실행 폴더(학습이 쓴 폴더)가 아닙니다</translation>
    </message>
    <message>
        <source>stopping the lesion study…</source>
        <translation>블록 제거 실험을 멈추는 중…</translation>
    </message>
    <message>
        <source>lesion study: %1 % of %2 image evaluations</source>
        <translation>블록 제거 실험: 이미지 평가 %2회 중 %1 %</translation>
    </message>
    <message>
        <source>%1 · %2 test images · error with every block: %3 %</source>
        <translation>%1 · 테스트 이미지 %2개 · 모든 블록이 있을 때 오차: %3 %</translation>
    </message>
    <message>
        <source>removed block</source>
        <translation>제거한 블록</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>test error %</source>
        <translation>테스트 오차 %</translation>
    </message>
    <message>
        <source>change</source>
        <translation>변화</translation>
    </message>
    <message>
        <source>residual</source>
        <translation>잔차</translation>
    </message>
    <message>
        <source>plain</source>
        <translation>일반</translation>
    </message>
    <message>
        <source>downsampling</source>
        <translation>다운샘플링</translation>
    </message>
    <message>
        <source>cannot be removed (changes the shape)</source>
        <translation>제거할 수 없음 (모양이 바뀜)</translation>
    </message>
    <message>
        <source>k removed</source>
        <translation>제거한 블록 수 k</translation>
    </message>
    <message>
        <source>mean %</source>
        <translation>평균 %</translation>
    </message>
    <message>
        <source>min %</source>
        <translation>최소 %</translation>
    </message>
    <message>
        <source>max %</source>
        <translation>최대 %</translation>
    </message>
    <message>
        <source>subsets</source>
        <translation>부분집합 수</translation>
    </message>
    <message>
        <source>wrote %1 (%2 s)</source>
        <translation>%1을(를) 썼습니다 (%2 s)</translation>
    </message>
</context>
<context>
    <name>rx::CliTrain</name>
    <message>
        <source>--arch is required (unless --resume)</source>
        <translation>--arch가 필요합니다 (--resume이 아니면)</translation>
    </message>
    <message>
        <source>invalid value &apos;%2&apos; for --%1 (expected one of %3)</source>
        <translation>--%1의 값 &apos;%2&apos;이(가) 잘못되었습니다 (가능한 값: %3)</translation>
    </message>
    <message>
        <source>--out RUN_DIR is required</source>
        <translation>--out RUN_DIR이 필요합니다</translation>
    </message>
    <message>
        <source>stopping: the checkpoint is written at the end of this iteration</source>
        <translation>멈추는 중: 이번 반복이 끝나면 체크포인트를 씁니다</translation>
    </message>
    <message>
        <source>Stop after N epochs (default %1: see --iterations).</source>
        <translation>N 에폭 후 멈춥니다 (기본값 %1: --iterations 참고).</translation>
    </message>
    <message>
        <source>Warm up at --warmup-lr for at most N iterations, until the training error is below --warmup-until-error (default %1: no warm-up).</source>
        <translation>학습 오차가 --warmup-until-error 아래로 내려갈 때까지, 최대 N 반복 동안 --warmup-lr로 워밍업합니다 (기본값 %1: 워밍업 없음).</translation>
    </message>
    <message>
        <source>CPU threads (default %1: every core).</source>
        <translation>CPU 스레드 수 (기본값 %1: 모든 코어).</translation>
    </message>
    <message>
        <source>Report training metrics every N iterations (default %1).</source>
        <translation>N 반복마다 학습 지표를 보고합니다 (기본값 %1).</translation>
    </message>
    <message>
        <source>Test every N iterations (default %1: every epoch).</source>
        <translation>N 반복마다 테스트합니다 (기본값 %1: 에폭마다).</translation>
    </message>
    <message>
        <source>Test images a forward pass (default %1).</source>
        <translation>순전파 한 번에 넣는 테스트 이미지 수 (기본값 %1).</translation>
    </message>
    <message>
        <source>Test images for the layer responses (default %1).</source>
        <translation>층 응답을 잴 테스트 이미지 수 (기본값 %1).</translation>
    </message>
    <message>
        <source>Learning rate (default %1).</source>
        <translation>학습률 (기본값 %1).</translation>
    </message>
    <message>
        <source>SGD momentum (default %1).</source>
        <translation>SGD 모멘텀 (기본값 %1).</translation>
    </message>
    <message>
        <source>Weight decay (default %1).</source>
        <translation>가중치 감쇠 (기본값 %1).</translation>
    </message>
    <message>
        <source>Warm-up learning rate (default %1).</source>
        <translation>워밍업 학습률 (기본값 %1).</translation>
    </message>
    <message>
        <source>Train a network on CIFAR-10.</source>
        <translation>CIFAR-10으로 신경망을 학습합니다.</translation>
    </message>
    <message>
        <source>Preset name or .resnet.json file.</source>
        <translation>프리셋 이름 또는 .resnet.json 파일.</translation>
    </message>
    <message>
        <source>Run folder (architecture, settings, metrics.jsonl, checkpoint.pt).</source>
        <translation>실행 폴더 (구조, 설정, metrics.jsonl, checkpoint.pt).</translation>
    </message>
    <message>
        <source>Folder with the CIFAR-10 .bin files.</source>
        <translation>CIFAR-10 .bin 파일이 있는 폴더.</translation>
    </message>
    <message>
        <source>Stop after N iterations (default: the paper&apos;s %1).</source>
        <translation>N 반복 후 멈춥니다 (기본값: 논문의 %1).</translation>
    </message>
    <message>
        <source>Use Nesterov momentum.</source>
        <translation>네스테로프 모멘텀을 씁니다.</translation>
    </message>
    <message>
        <source>Learning-rate schedule: %1 (default %2).</source>
        <translation>학습률 일정: %1 (기본값 %2).</translation>
    </message>
    <message>
        <source>Subtract the per-pixel mean (the paper) instead of per-channel mean/std.</source>
        <translation>채널별 평균/표준편차 대신 픽셀별 평균을 뺍니다 (논문 방식).</translation>
    </message>
    <message>
        <source>Turn off pad-crop-flip augmentation.</source>
        <translation>패딩-자르기-뒤집기 데이터 증강을 끕니다.</translation>
    </message>
    <message>
        <source>Hold out the last %1 training images and test on them.</source>
        <translation>마지막 %1개의 학습 이미지를 떼어 두고 그것으로 테스트합니다.</translation>
    </message>
    <message>
        <source>Random seed (default %1).</source>
        <translation>난수 시드 (기본값 %1).</translation>
    </message>
    <message>
        <source>Device: %1 (default %2).</source>
        <translation>장치: %1 (기본값 %2).</translation>
    </message>
    <message>
        <source>Continue the run in RUN_DIR from its checkpoint, with its settings; options given now override them.</source>
        <translation>RUN_DIR의 실행을 체크포인트에서 그 설정대로 이어 갑니다. 지금 준 옵션이 설정보다 우선합니다.</translation>
    </message>
    <message>
        <source>Measure the layer responses every N iterations and at every epoch end (default %1; 0: epoch ends only).</source>
        <translation>N 반복마다, 그리고 에폭이 끝날 때마다 층 응답을 잽니다 (기본값 %1; 0: 에폭 끝에서만).</translation>
    </message>
    <message>
        <source>Use N training images, spread evenly over the set (default %1: all).</source>
        <translation>학습 이미지 N개를 데이터셋 전체에 고르게 골라 씁니다 (기본값 %1: 전부).</translation>
    </message>
    <message>
        <source>Use N test images, spread evenly over the set so every class has its share (default %1: all).</source>
        <translation>테스트 이미지 N개를 데이터셋 전체에 고르게 골라 모든 클래스가 제 몫을 갖게 씁니다 (기본값 %1: 전부).</translation>
    </message>
    <message>
        <source>End the warm-up when the training error is below this % (default %1; 0: warm up for all of --warmup).</source>
        <translation>학습 오차가 이 % 아래가 되면 워밍업을 끝냅니다 (기본값 %1, 0이면 --warmup 동안 내내 워밍업).</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Arithmetic: %1 (default %2); bf16 autocast needs a GPU or a CPU with native bf16 (this one: %3), fp16 autocast a GPU.</source>
        <translation>연산 정밀도: %1 (기본값 %2). bf16 autocast에는 GPU 또는 bf16을 직접 계산하는 CPU가 필요하고 (이 CPU: %3), fp16 autocast에는 GPU가 필요합니다.</translation>
    </message>
    <message>
        <source>invalid value &apos;%1&apos; for --master (expected HOST:PORT, e.g. 192.168.1.10:29500)</source>
        <translation>--master 값 &apos;%1&apos;이(가) 잘못되었습니다(HOST:PORT 형식, 예: 192.168.1.10:29500)</translation>
    </message>
    <message>
        <source>Mini-batch size (default %1). With --world-size it is the global batch: each rank trains on its share of the same images.</source>
        <translation>미니배치 크기(기본값 %1). --world-size와 함께 쓰면 전체 배치입니다: 각 랭크는 같은 이미지 중 자기 몫으로 학습합니다.</translation>
    </message>
    <message>
        <source>Train on N processes together (data-parallel, PyTorch&apos;s c10d with Gloo; default %1: this process alone). Start every rank with the same options, or use &apos;launch&apos;.</source>
        <translation>프로세스 N개가 함께 학습합니다(데이터 병렬, PyTorch의 c10d와 Gloo. 기본값 %1: 이 프로세스 혼자). 모든 랭크를 같은 옵션으로 시작하거나 &apos;launch&apos;를 쓰세요.</translation>
    </message>
    <message>
        <source>This process&apos;s rank, 0 to N-1 (default %1). Rank 0 listens at --master and alone writes the run folder: metrics, status and checkpoints.</source>
        <translation>이 프로세스의 랭크, 0부터 N-1까지(기본값 %1). 랭크 0은 --master에서 기다리고 실행 폴더(지표, 상태, 체크포인트)를 혼자 씁니다.</translation>
    </message>
    <message>
        <source>Where rank 0 listens, as HOST:PORT (its address on the network the ranks share; the port must be open).</source>
        <translation>랭크 0이 기다리는 곳, HOST:PORT 형식(랭크들이 함께 쓰는 네트워크에서의 주소. 포트가 열려 있어야 합니다).</translation>
    </message>
    <message>
        <source>Seconds to wait for every rank to join (default %1).</source>
        <translation>모든 랭크가 합류하기를 기다릴 시간(초, 기본값 %1).</translation>
    </message>
    <message>
        <source>Batch norm over the ranks: %1 (default %2). sync: the statistics of the whole global batch, so N ranks train as one process does; local: each rank&apos;s own shard (PyTorch DDP&apos;s default), running statistics from rank 0.</source>
        <translation>랭크에 걸친 배치 정규화: %1(기본값 %2). sync: 전체 배치의 통계를 써서 N개 랭크가 한 프로세스처럼 학습합니다. local: 각 랭크가 자기 몫의 통계를 씁니다(PyTorch DDP의 기본값). 이동 통계는 랭크 0의 것입니다.</translation>
    </message>
</context>
<context>
    <name>rx::CliWeights</name>
    <message>
        <source>Test error of trained weights on the CIFAR-10 test set.</source>
        <translation>학습된 가중치의 CIFAR-10 테스트 세트 테스트 오차.</translation>
    </message>
    <message>
        <source>A run folder, its checkpoint.pt, a libtorch export (.pt) or a pytorch export (.pth).</source>
        <translation>실행 폴더, 그 checkpoint.pt, libtorch 내보내기(.pt) 또는 pytorch 내보내기(.pth).</translation>
    </message>
    <message>
        <source>The architecture (preset name or .resnet.json file) when none lies beside the weights (FILE.resnet.json or architecture.resnet.json).</source>
        <translation>가중치 옆에 구조 파일(FILE.resnet.json 또는 architecture.resnet.json)이 없을 때 쓸 구조 (프리셋 이름 또는 .resnet.json 파일).</translation>
    </message>
    <message>
        <source>Folder with the CIFAR-10 .bin files.</source>
        <translation>CIFAR-10 .bin 파일이 있는 폴더.</translation>
    </message>
    <message>
        <source>CPU threads (default: every core, %1 here).</source>
        <translation>CPU 스레드 수 (기본값: 모든 코어, 여기서는 %1).</translation>
    </message>
    <message>
        <source>Write one CSV row of 10 logits per test image.</source>
        <translation>테스트 이미지마다 로짓 10개를 CSV 한 줄로 씁니다.</translation>
    </message>
    <message>
        <source>--weights is required</source>
        <translation>--weights가 필요합니다</translation>
    </message>
    <message>
        <source>One of: %1.</source>
        <translation>다음 중 하나: %1.</translation>
    </message>
    <message>
        <source>Output file.</source>
        <translation>출력 파일.</translation>
    </message>
    <message>
        <source>expected RUN_DIR --format %1 --out FILE</source>
        <translation>RUN_DIR --format %1 --out FILE 형식이어야 합니다</translation>
    </message>
    <message>
        <source>Download CIFAR-10 (binary version).</source>
        <translation>CIFAR-10 (바이너리 버전)을 내려받습니다.</translation>
    </message>
    <message>
        <source>Target folder (default: the app&apos;s data folder, %1).</source>
        <translation>저장할 폴더 (기본값: 앱의 데이터 폴더, %1).</translation>
    </message>
    <message>
        <source>Archive address (default: the official one).</source>
        <translation>압축 파일 주소 (기본값: 공식 주소).</translation>
    </message>
    <message>
        <source>Expected md5 of the archive.</source>
        <translation>압축 파일의 예상 md5.</translation>
    </message>
    <message>
        <source>Use N test images, spread evenly over the set.</source>
        <translation>테스트 이미지 N개를 데이터셋 전체에 고르게 골라 씁니다.</translation>
    </message>
    <message>
        <source>Export a trained network: its weights, an ONNX model or PyTorch code.</source>
        <translation>학습된 네트워크 내보내기: 가중치, ONNX 모델 또는 PyTorch 코드.</translation>
    </message>
    <message>
        <source>The run folder (or a checkpoint, or a pytorch or libtorch export).</source>
        <translation>실행 폴더(또는 체크포인트, pytorch나 libtorch로 내보낸 파일).</translation>
    </message>
</context>
<context>
    <name>rx::ConfusionMatrixPlot</name>
    <message>
        <source>Predicted class</source>
        <translation>예측한 클래스</translation>
    </message>
    <message>
        <source>True class</source>
        <translation>실제 클래스</translation>
    </message>
    <message>
        <source>% of the true class</source>
        <translation>실제 클래스 중 %</translation>
    </message>
    <message>
        <source>Test error %1 (right: each class&apos;s error)</source>
        <translation>테스트 오차 %1 (오른쪽: 클래스별 오차)</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>혼동 행렬</translation>
    </message>
</context>
<context>
    <name>rx::DashboardPlots</name>
    <message>
        <source>log scale</source>
        <translation>로그 눈금</translation>
    </message>
    <message>
        <source>x in epochs</source>
        <translation>x축 에폭</translation>
    </message>
    <message>
        <source>latest</source>
        <translation>최근</translation>
    </message>
    <message>
        <source>measurement %1</source>
        <translation>측정 %1</translation>
    </message>
    <message>
        <source>sorted</source>
        <translation>정렬</translation>
    </message>
    <message>
        <source>Error (Fig. 6): training dashed, test bold</source>
        <translation>오차 (그림 6): 학습은 점선, 테스트은 굵은 선</translation>
    </message>
    <message>
        <source>Loss and learning rate</source>
        <translation>손실과 학습률</translation>
    </message>
    <message>
        <source>Layer responses (Fig. 7): std after BN, before addition</source>
        <translation>층 응답 (그림 7): BN 뒤, 덧셈 전의 표준편차</translation>
    </message>
    <message>
        <source>Gradient norms: layers × time</source>
        <translation>기울기 노름: 층 × 시간</translation>
    </message>
    <message>
        <source>Latest gradient norm per layer</source>
        <translation>층별 최근 기울기 노름</translation>
    </message>
    <message>
        <source>Exponential moving average of the training error and the loss, as in TensorBoard; the raw values stay faint behind. 0 shows the raw values.</source>
        <translation>학습 오차와 손실의 지수 이동 평균 (TensorBoard 방식). 원래 값은 뒤에 흐리게 남습니다. 0이면 원래 값을 보여 줍니다.</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>평활화</translation>
    </message>
    <message>
        <source>Residual ratio ‖F(x)‖ / ‖x‖ per block</source>
        <translation>블록별 잔차 비율 ‖F(x)‖ / ‖x‖</translation>
    </message>
    <message>
        <source>Gradient reaching each block&apos;s output</source>
        <translation>각 블록 출력에 도달하는 기울기</translation>
    </message>
</context>
<context>
    <name>rx::DataParallel</name>
    <message>
        <source>rank 0: not all %1 ranks joined at %2:%3 within %4 s (%5). Start every rank with the same --world-size and --master, or raise --timeout.</source>
        <translation>랭크 0: %4초 안에 %2:%3에 랭크 %1개가 모두 합류하지 않았습니다(%5). 모든 랭크를 같은 --world-size와 --master로 시작하거나 --timeout을 늘리세요.</translation>
    </message>
    <message>
        <source>rank %1: could not join rank 0 at %2:%3 within %4 s (%5). Is rank 0 running there, and is the port open in its firewall?</source>
        <translation>랭크 %1: %4초 안에 %2:%3의 랭크 0에 합류하지 못했습니다(%5). 그곳에서 랭크 0이 실행 중이고 방화벽에서 포트가 열려 있나요?</translation>
    </message>
    <message>
        <source>%1 of %2 ranks joined</source>
        <translation>랭크 %2개 중 %1개 합류</translation>
    </message>
    <message>
        <source>rank %1 of %2: the connection to the other ranks broke (%3): another rank stopped, failed or became unreachable, so this one stops too.</source>
        <translation>랭크 %1/%2: 다른 랭크와의 연결이 끊어졌습니다(%3). 다른 랭크가 멈추었거나 실패했거나 연결할 수 없게 되어 이 랭크도 멈춥니다.</translation>
    </message>
</context>
<context>
    <name>rx::DatasetView</name>
    <message>
        <source>&amp;Class:</source>
        <translation>클래스(&amp;C):</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>모든 클래스</translation>
    </message>
    <message>
        <source>Show training &amp;augmentation</source>
        <translation>학습 데이터 증강 보기(&amp;A)</translation>
    </message>
    <message>
        <source>Show the images as the trainer sees them, drawn anew every second.</source>
        <translation>학습기가 보는 대로 이미지를 보여 줍니다. 1초마다 새로 뽑습니다.</translation>
    </message>
    <message>
        <source>Training augmentation (He et al. 2015, §4.2): %1 pixels of padding on each side (in the mean colour, the zero of the normalised input), a random %2×%2 crop, and a horizontal flip with probability %3. A new draw every second; the labels stay.</source>
        <translation>학습 데이터 증강 (He et al. 2015, §4.2): 사방에 %1픽셀 여백(평균 색, 즉 정규화된 입력의 0), 무작위 %2×%2 자르기, 확률 %3의 좌우 뒤집기. 1초마다 새로 뽑고, 레이블은 그대로입니다.</translation>
    </message>
    <message>
        <source>Download it with the Training tab&apos;s Download button, or on the command line with

resnet-explorer-cli download --out %1

and then open this tab again.</source>
        <translation>학습 탭의 내려받기 버튼으로 받거나, 명령줄에서

resnet-explorer-cli download --out %1

을 실행한 뒤 이 탭을 다시 여세요.</translation>
    </message>
    <message>
        <source>Reading CIFAR-10 from %1…</source>
        <translation>%1에서 CIFAR-10을 읽는 중…</translation>
    </message>
    <message>
        <source>CIFAR-10 is not on this computer.</source>
        <translation>이 컴퓨터에 CIFAR-10이 없습니다.</translation>
    </message>
    <message>
        <source>CIFAR-10 is not in %1 (data_batch_1.bin … test_batch.bin).</source>
        <translation>%1에 CIFAR-10이 없습니다 (data_batch_1.bin … test_batch.bin).</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s)</source>
        <translation>
            <numerusform>이미지 %Ln개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rx::DeviceChoice</name>
    <message>
        <source>automatic</source>
        <translation>자동</translation>
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
        <translation>world size는 1 이상이어야 합니다(받은 값 %1)</translation>
    </message>
    <message>
        <source>the rank must be from 0 to %1 (the world size less one), got %2</source>
        <translation>랭크는 0부터 %1(world size - 1)까지여야 합니다(받은 값 %2)</translation>
    </message>
    <message>
        <source>training on several processes needs --master HOST:PORT (where rank 0 listens)</source>
        <translation>여러 프로세스로 학습하려면 --master HOST:PORT(랭크 0이 기다리는 곳)가 필요합니다</translation>
    </message>
    <message>
        <source>the timeout must be at least 1 second, got %1</source>
        <translation>타임아웃은 1초 이상이어야 합니다(받은 값 %1)</translation>
    </message>
</context>
<context>
    <name>rx::Download</name>
    <message>
        <source>%1 already exists; remove it or choose another folder</source>
        <translation>%1이(가) 이미 있습니다. 지우거나 다른 폴더를 고르세요</translation>
    </message>
    <message>
        <source>cannot create a temporary file in %1</source>
        <translation>%1에 임시 파일을 만들 수 없습니다</translation>
    </message>
    <message>
        <source>download failed: %1</source>
        <translation>내려받기 실패: %1</translation>
    </message>
    <message>
        <source>download failed: the connection closed after %1 of %2 bytes</source>
        <translation>내려받기 실패: %2바이트 중 %1바이트 후 연결이 끊겼습니다</translation>
    </message>
    <message>
        <source>download failed: md5 checksum %1 does not match the expected %2; the file is damaged or not the CIFAR-10 archive</source>
        <translation>내려받기 실패: md5 체크섬 %1이(가) 예상값 %2와 다릅니다. 파일이 손상되었거나 CIFAR-10 압축 파일이 아닙니다</translation>
    </message>
    <message>
        <source>the downloaded archive does not hold the CIFAR-10 binary batches</source>
        <translation>내려받은 압축 파일에 CIFAR-10 바이너리 배치가 없습니다</translation>
    </message>
    <message>
        <source>cannot move %1 to %2</source>
        <translation>%1을(를) %2(으)로 옮길 수 없습니다</translation>
    </message>
    <message>
        <source>cannot unpack %1: %2</source>
        <translation>%1의 압축을 풀 수 없습니다: %2</translation>
    </message>
    <message>
        <source>the archive holds an unsafe path &apos;%1&apos;</source>
        <translation>압축 파일에 안전하지 않은 경로 &apos;%1&apos;이(가) 있습니다</translation>
    </message>
    <message>
        <source>download cancelled</source>
        <translation>내려받기 취소됨</translation>
    </message>
    <message>
        <source>cannot write the download: %1</source>
        <translation>내려받은 내용을 쓸 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>rx::Dynamics</name>
    <message>
        <source>%1 has no block measurements yet: they are taken every probe interval (--probe-every) while training</source>
        <translation>%1에는 아직 블록 측정값이 없습니다: 측정값은 학습 중에 측정 간격(--probe-every)마다 기록됩니다</translation>
    </message>
</context>
<context>
    <name>rx::DynamicsView</name>
    <message>
        <source>%1 is not a run folder.</source>
        <translation>%1은(는) 실행 폴더가 아닙니다.</translation>
    </message>
    <message>
        <source>Choose a run…</source>
        <translation>실행을 고르세요…</translation>
    </message>
    <message>
        <source>The runs of the Training tab.</source>
        <translation>학습 탭의 실행들.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Block dynamics&lt;/h3&gt;&lt;p&gt;Two measurements of every block, taken on a fixed batch of test images while the network trains (every probe interval). Each line is one block: dark purple for the first, orange for the last.&lt;/p&gt;&lt;h4&gt;Residual ratio ‖F(x)‖ / ‖x‖ (top)&lt;/h4&gt;&lt;p&gt;How much a residual block adds, relative to what passes through its shortcut. Look for large ratios in the first blocks and small, falling ones in the later blocks: the first blocks build the representation, the later ones only refine it, a step at a time. Plain blocks have no shortcut and no ratio.&lt;/p&gt;&lt;h4&gt;Gradient at each block&apos;s output (bottom)&lt;/h4&gt;&lt;p&gt;The norm of the loss gradient with respect to the block&apos;s output, the signal that trains everything below it. In a residual net the shortcuts carry it down to the first block undiminished, so the lines stay close together; in a deep plain net it shrinks (or grows) from block to block, and the first blocks learn slowly: the optimisation difficulty behind the degradation problem.&lt;/p&gt;&lt;h4&gt;References&lt;/h4&gt;&lt;p&gt;S. Jastrzębski, D. Arpit, N. Ballas, V. Verma, T. Che, Y. Bengio: &lt;i&gt;Residual Connections Encourage Iterative Inference&lt;/i&gt;, ICLR 2018, &lt;a href=&quot;https://arxiv.org/abs/1710.04773&quot;&gt;arXiv:1710.04773&lt;/a&gt; (Fig. 2).&lt;br&gt;K. He, X. Zhang, S. Ren, J. Sun: &lt;i&gt;Identity Mappings in Deep Residual Networks&lt;/i&gt;, ECCV 2016, &lt;a href=&quot;https://arxiv.org/abs/1603.05027&quot;&gt;arXiv:1603.05027&lt;/a&gt; (the gradient through the shortcuts).&lt;/p&gt;&lt;p&gt;From the command line: &lt;tt&gt;resnet-explorer-cli analyze dynamics RUN_DIR&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;블록 동역학&lt;/h3&gt;&lt;p&gt;신경망이 학습하는 동안 (측정 간격마다) 고정된 테스트 이미지 배치로 모든 블록에서 두 가지를 측정합니다. 선 하나가 블록 하나입니다: 첫 블록은 짙은 보라색, 마지막 블록은 주황색입니다.&lt;/p&gt;&lt;h4&gt;잔차 비율 ‖F(x)‖ / ‖x‖ (위)&lt;/h4&gt;&lt;p&gt;잔차 블록이 숏컷을 지나는 것에 비해 얼마나 더하는지를 나타냅니다. 앞쪽 블록에서는 비율이 크고, 뒤쪽 블록에서는 작으면서 점점 줄어드는지 살펴보세요: 앞쪽 블록은 표현을 만들고, 뒤쪽 블록은 그 표현을 한 단계씩 다듬기만 합니다. 일반 블록에는 숏컷도 비율도 없습니다.&lt;/p&gt;&lt;h4&gt;각 블록 출력에서의 기울기 (아래)&lt;/h4&gt;&lt;p&gt;블록 출력에 대한 손실 기울기의 노름으로, 그 블록보다 앞에 있는 모든 것을 학습시키는 신호입니다. 잔차 신경망에서는 숏컷이 이 기울기를 줄이지 않고 첫 블록까지 전달하므로 선들이 서로 가까이 모여 있습니다. 깊은 일반 신경망에서는 기울기가 블록을 지날 때마다 줄어들거나 커지고, 앞쪽 블록은 느리게 학습합니다: 이것이 성능 저하 문제 뒤에 있는 최적화의 어려움입니다.&lt;/p&gt;&lt;h4&gt;참고 문헌&lt;/h4&gt;&lt;p&gt;S. Jastrzębski, D. Arpit, N. Ballas, V. Verma, T. Che, Y. Bengio: &lt;i&gt;Residual Connections Encourage Iterative Inference&lt;/i&gt;, ICLR 2018, &lt;a href=&quot;https://arxiv.org/abs/1710.04773&quot;&gt;arXiv:1710.04773&lt;/a&gt; (그림 2).&lt;br&gt;K. He, X. Zhang, S. Ren, J. Sun: &lt;i&gt;Identity Mappings in Deep Residual Networks&lt;/i&gt;, ECCV 2016, &lt;a href=&quot;https://arxiv.org/abs/1603.05027&quot;&gt;arXiv:1603.05027&lt;/a&gt; (항등 매핑 숏컷을 지나는 기울기).&lt;/p&gt;&lt;p&gt;명령줄에서: &lt;tt&gt;resnet-explorer-cli analyze dynamics RUN_DIR&lt;/tt&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No run</source>
        <translation>실행 없음</translation>
    </message>
    <message>
        <source>residual net</source>
        <translation>잔차 신경망</translation>
    </message>
    <message>
        <source>plain net</source>
        <translation>일반 신경망</translation>
    </message>
    <message numerus="yes">
        <source>%n measurement(s), up to iteration %1.</source>
        <translation>
            <numerusform>측정 %n회, 반복 %1까지.</numerusform>
        </translation>
    </message>
    <message>
        <source>A plain net has no residual ratio.</source>
        <translation>일반 신경망에는 잔차 비율이 없습니다.</translation>
    </message>
    <message>
        <source>Choose a run of the Training tab.</source>
        <translation>학습 탭의 실행을 고르세요.</translation>
    </message>
</context>
<context>
    <name>rx::ErrorCurvePlot</name>
    <message>
        <source>iteration</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>error (%)</source>
        <translation>오차 (%)</translation>
    </message>
    <message>
        <source>%1 train</source>
        <translation>%1 학습</translation>
    </message>
    <message>
        <source>%1 test</source>
        <translation>%1 테스트</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에폭</translation>
    </message>
</context>
<context>
    <name>rx::ExperimentFigure</name>
    <message>
        <source>plain networks</source>
        <translation>일반 신경망</translation>
    </message>
    <message>
        <source>residual networks</source>
        <translation>잔차 신경망</translation>
    </message>
    <message>
        <source>in layer order</source>
        <translation>층 순서대로</translation>
    </message>
    <message>
        <source>sorted by magnitude</source>
        <translation>크기순 정렬</translation>
    </message>
    <message>
        <source>cannot write the figure %1</source>
        <translation>그림 %1을(를) 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>rx::ExperimentPanel</name>
    <message>
        <source>Quick variant for a CPU</source>
        <translation>CPU용 빠른 방식</translation>
    </message>
    <message>
        <source>Fewer networks, a subset of the training images and far fewer iterations, chosen so that the paper&apos;s effect still shows. Without it: the paper&apos;s full recipe, meant for a GPU.</source>
        <translation>더 적은 신경망, 학습 이미지 일부, 훨씬 적은 반복으로, 논문의 효과가 여전히 보이도록 고른 방식입니다. 끄면 GPU용인 논문의 전체 방식입니다.</translation>
    </message>
    <message>
        <source>Start experiment</source>
        <translation>실험 시작</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <source>Show all runs</source>
        <translation>모든 실행 보기</translation>
    </message>
    <message>
        <source>Leave this experiment&apos;s folder and list every run again</source>
        <translation>이 실험 폴더를 떠나 모든 실행을 다시 보여 줍니다</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Training error</source>
        <translation>학습 오차</translation>
    </message>
    <message>
        <source>Test error</source>
        <translation>테스트 오차</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>논문</translation>
    </message>
    <message>
        <source>The paper&apos;s test error (Table 6), where it gives one</source>
        <translation>논문의 테스트 오차 (표 6), 논문에 값이 있을 때</translation>
    </message>
    <message>
        <source>Full variant: the paper&apos;s recipe (%1 iterations per network, all 50,000 training images). Meant for a GPU.</source>
        <translation>전체 방식: 논문의 방식 (신경망마다 %1번 반복, 학습 이미지 50,000개 전부). GPU용입니다.</translation>
    </message>
    <message>
        <source>Estimated time: measuring a training step…</source>
        <translation>예상 시간: 학습 한 단계를 측정하는 중…</translation>
    </message>
    <message>
        <source>Estimated time on %1: %2 (from a measured training step)</source>
        <translation>%1에서 예상 시간: %2 (측정한 학습 한 단계로 추정)</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>training</source>
        <translation>학습 중</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>폴더: %1</translation>
    </message>
    <message>
        <source>An experiment is already running.</source>
        <translation>이미 실험이 진행 중입니다.</translation>
    </message>
    <message>
        <source>CIFAR-10 is not there yet: choose its folder or download it on the Training tab.</source>
        <translation>아직 CIFAR-10이 없습니다: 학습 탭에서 폴더를 고르거나 내려받으세요.</translation>
    </message>
    <message>
        <source>No experiment folder is open.</source>
        <translation>열린 실험 폴더가 없습니다.</translation>
    </message>
    <message>
        <source>A run is training; stop it before starting an experiment.</source>
        <translation>학습 중인 실행이 있습니다. 실험을 시작하기 전에 멈추세요.</translation>
    </message>
    <message>
        <source>The experiment is complete; its figure is in %1</source>
        <translation>실험이 끝났습니다. 그림은 %1에 있습니다</translation>
    </message>
    <message>
        <source>The experiment stopped; Resume continues it.</source>
        <translation>실험이 멈췄습니다. 이어 하기로 계속합니다.</translation>
    </message>
    <message>
        <source>An experiment is running; stop it before opening another.</source>
        <translation>실험이 진행 중입니다. 다른 실험을 열기 전에 멈추세요.</translation>
    </message>
    <message>
        <source>Quick variant for a CPU: %1 (the paper&apos;s warm-up rate: at 0.1 a run this short is ruled by a deep net&apos;s unsteady first steps). Not the paper&apos;s numbers: the paper&apos;s effect, early in training.</source>
        <translation>CPU용 빠른 방식: %1 (논문의 워밍업 학습률. 0.1이면 이렇게 짧은 실행은 깊은 신경망의 불안정한 첫 단계에 좌우됩니다). 논문의 수치가 아니라, 학습 초기에 보이는 논문의 효과입니다.</translation>
    </message>
</context>
<context>
    <name>rx::Experiments</name>
    <message>
        <source>Degradation (Fig. 6)</source>
        <translation>성능 저하 (그림 6)</translation>
    </message>
    <message>
        <source>Plain networks get worse as they get deeper, even on the training set: plain-56 ends with a higher training error than plain-20. So the problem is optimisation, not overfitting. With shortcuts the deeper network trains better: resnet-56 ends below plain-56, and with the full recipe below resnet-20 too. Watch the thin training-error curves; the quick variant is judged by them, because the test error of so short a run swings between evaluations.</source>
        <translation>일반 신경망은 깊어질수록 학습 데이터에서조차 나빠집니다: plain-56의 마지막 학습 오차가 plain-20보다 높습니다. 즉 문제는 과적합이 아니라 최적화입니다. 숏컷이 있으면 더 깊은 신경망이 더 잘 학습됩니다: resnet-56은 plain-56보다 낮게 끝나고, 전체 방식에서는 resnet-20보다도 낮습니다. 가는 학습 오차 곡선을 보세요. 이렇게 짧은 실행의 테스트 오차는 평가마다 크게 흔들리므로, 빠른 방식은 학습 오차로 판단합니다.</translation>
    </message>
    <message>
        <source>Layer responses (Fig. 7)</source>
        <translation>층 응답 (그림 7)</translation>
    </message>
    <message>
        <source>Shortcut options A/B/C</source>
        <translation>숏컷 옵션 A/B/C</translation>
    </message>
    <message>
        <source>Depth series (Table 6)</source>
        <translation>깊이 시리즈 (표 6)</translation>
    </message>
    <message>
        <source>quick (CPU)</source>
        <translation>빠른 방식 (CPU)</translation>
    </message>
    <message>
        <source>full (paper&apos;s recipe, GPU)</source>
        <translation>전체 방식 (논문의 방식, GPU)</translation>
    </message>
    <message>
        <source>%1 holds no experiment (no %2)</source>
        <translation>%1에는 실험이 없습니다 (%2 없음)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>JSON 객체가 아닙니다</translation>
    </message>
    <message>
        <source>unknown experiment &apos;%1&apos;</source>
        <translation>알 수 없는 실험 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>quick: expected true or false</source>
        <translation>quick: true나 false여야 합니다</translation>
    </message>
    <message>
        <source>seed: expected an integer</source>
        <translation>seed: 정수여야 합니다</translation>
    </message>
    <message>
        <source>runs: expected a list</source>
        <translation>runs: 목록이어야 합니다</translation>
    </message>
    <message>
        <source>runs: every run needs a name and a dir</source>
        <translation>runs: 모든 실행에 name과 dir이 있어야 합니다</translation>
    </message>
    <message>
        <source>%1 holds the experiment &apos;%2&apos; (%3); choose another folder</source>
        <translation>%1에는 실험 &apos;%2&apos; (%3)이(가) 있습니다. 다른 폴더를 고르세요</translation>
    </message>
    <message>
        <source>%1 already holds this experiment; resume it or choose another folder</source>
        <translation>%1에 이미 이 실험이 있습니다. 이어 하거나 다른 폴더를 고르세요</translation>
    </message>
    <message>
        <source>%1 is not empty and holds no experiment; choose an empty or new folder</source>
        <translation>%1은(는) 비어 있지 않고 실험도 없습니다. 빈 폴더나 새 폴더를 고르세요</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <source>%1 networks · %2 iterations each at learning rate %3 · %4 training images</source>
        <translation>신경망 %1개 · 각각 학습률 %3로 %2번 반복 · 학습 이미지 %4개</translation>
    </message>
    <message>
        <source>The standard deviation of each 3×3 layer&apos;s output, after BN and before the addition and ReLU, on test images. Residual networks respond less than their plain counterparts, and the deeper ResNet less still: each residual function stays close to zero and changes the signal only a little. Compare the sorted curves (bottom). The responses part only as BN&apos;s scales learn, at the paper&apos;s learning rate 0.1: the quick variant trains plain-20 and resnet-20 there for 500 iterations, and resnet-20 already responds less (measured: mean std 0.92 against 1.03; 0.87 against 1.03 in the later layers). That the deeper ResNet responds less still needs the full variant.</source>
        <translation>테스트 이미지에서 잰, 각 3×3 층 출력의 표준편차 (BN 뒤, 덧셈과 ReLU 전). 잔차 신경망은 대응하는 일반 신경망보다 응답이 작고, 더 깊은 ResNet은 더 작습니다: 각 잔차 함수가 0 가까이에 머물러 신호를 조금만 바꿉니다. 정렬된 곡선(아래)을 비교하세요. 응답은 논문의 학습률 0.1에서 BN의 스케일이 학습되면서 비로소 갈라집니다: 빠른 방식은 그 학습률로 plain-20과 resnet-20을 500번 반복 학습하며, resnet-20은 이미 응답이 작습니다 (측정값: 평균 표준편차 0.92 대 1.03, 뒤쪽 층에서는 0.87 대 1.03). 더 깊은 ResNet의 응답이 더 작다는 것을 보려면 전체 방식이 필요합니다.</translation>
    </message>
    <message>
        <source>ResNets of 20 to 110 layers: with shortcuts, the deeper the network, the lower its error (Table 6: from 8.75 % for ResNet-20 to 6.43 % for ResNet-110). The paper&apos;s test errors stand beside the measured ones. ResNet-110 starts at learning rate 0.01 until its training error is below 80 %, as in the paper. The quick variant is far too short for differences of one or two points: it shows the deeper ResNets training about as well as the shallower ones (no degradation: after 150 iterations resnet-56 ended within 4 points of resnet-20 for three seeds), not yet better.</source>
        <translation>20층에서 110층까지의 ResNet: 숏컷이 있으면 신경망이 깊을수록 오차가 낮습니다 (표 6: ResNet-20의 8.75 %에서 ResNet-110의 6.43 %까지). 측정한 테스트 오차 옆에 논문의 테스트 오차가 함께 나옵니다. 논문처럼 ResNet-110은 학습 오차가 80 % 아래로 내려갈 때까지 학습률 0.01로 시작합니다. 빠른 방식은 1~2포인트 차이를 보기에는 너무 짧습니다: 더 깊은 ResNet이 얕은 ResNet과 비슷하게 학습된다는 것(성능 저하 없음: 세 시드 모두 150번 반복 후 resnet-56이 resnet-20과 4포인트 이내에서 끝났습니다)은 보여 주지만, 더 낫다는 것까지는 아직 보여 주지 못합니다.</translation>
    </message>
    <message>
        <source>Three ways to join a block whose shape changes: A pads the extra channels with zeros (no parameters), B projects with a 1×1 convolution only there, C projects on every shortcut. With the full recipe the three end close together (on ImageNet within one point), so projections are not what solves the degradation problem; the paper keeps A on CIFAR because it costs nothing. The quick variant shows the start instead: A and B, whose shortcuts are mostly identities, train alike, while C, with no identity shortcut at all, lags behind (measured after 400 iterations: 53.2 %, 54.8 % and 65.4 % training error).</source>
        <translation>모양이 바뀌는 블록을 잇는 세 가지 방법: A는 늘어난 채널을 0으로 채우고(매개변수 없음), B는 그곳에서만 1×1 합성곱으로 투영하고, C는 모든 숏컷에서 투영합니다. 전체 방식에서는 셋이 비슷하게 끝나므로(ImageNet에서 1포인트 이내), 투영이 성능 저하 문제를 푸는 것이 아닙니다. 논문은 비용이 없는 A를 CIFAR에서 씁니다. 빠른 방식은 대신 학습 초기를 보여 줍니다: 숏컷이 대부분 항등 매핑인 A와 B는 비슷하게 학습하고, 항등 숏컷이 하나도 없는 C는 뒤처집니다(400번 반복 후 측정한 학습 오차: 53.2 %, 54.8 %, 65.4 %).</translation>
    </message>
</context>
<context>
    <name>rx::Export</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>cannot evaluate %1: %2</source>
        <translation>%1을(를) 평가할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>the evaluation of %1 was cancelled</source>
        <translation>%1의 평가가 취소되었습니다</translation>
    </message>
    <message>
        <source>the weights carry no input normalisation (a pytorch export keeps it in FILE%1 beside it)</source>
        <translation>가중치에 입력 정규화가 없습니다(pytorch로 내보낸 파일은 옆의 FILE%1에 둡니다)</translation>
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
        <translation>LibTorch 아카이브</translation>
    </message>
    <message>
        <source>ONNX model</source>
        <translation>ONNX 모델</translation>
    </message>
    <message>
        <source>PyTorch code</source>
        <translation>PyTorch 코드</translation>
    </message>
</context>
<context>
    <name>rx::Files</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>rx::GradientHeatmap</name>
    <message>
        <source>iteration</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>layer (input at the bottom)</source>
        <translation>층 (아래가 입력 쪽)</translation>
    </message>
    <message>
        <source>gradient L2 norm</source>
        <translation>기울기 L2 노름</translation>
    </message>
    <message>
        <source>%1 at iteration %2
gradient norm %3</source>
        <translation>반복 %2의 %1
기울기 노름 %3</translation>
    </message>
</context>
<context>
    <name>rx::GradientLatestPlot</name>
    <message>
        <source>layer index</source>
        <translation>층 번호</translation>
    </message>
    <message>
        <source>gradient L2 norm</source>
        <translation>기울기 L2 노름</translation>
    </message>
</context>
<context>
    <name>rx::InsightsTab</name>
    <message>
        <source>Lesion study</source>
        <translation>블록 제거 실험</translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation>손실 지형</translation>
    </message>
    <message>
        <source>Block dynamics</source>
        <translation>블록 동역학</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>활성값</translation>
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
        <translation>참/거짓 값</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>수</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>문자열</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>배열</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>객체</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>없음</translation>
    </message>
</context>
<context>
    <name>rx::Landscape</name>
    <message>
        <source>the grid must have an odd number of points per axis from 3 to %2, so that the trained weights are its centre (got %1)</source>
        <translation>학습된 가중치가 격자의 중심이 되도록 축당 점 개수는 3에서 %2 사이의 홀수여야 합니다 (받은 값: %1)</translation>
    </message>
    <message>
        <source>the range must be a number above 0</source>
        <translation>범위는 0보다 큰 수여야 합니다</translation>
    </message>
    <message>
        <source>at least one training image is needed</source>
        <translation>학습 이미지가 적어도 하나 필요합니다</translation>
    </message>
    <message>
        <source>%1 holds no loss landscape</source>
        <translation>%1에 손실 지형이 없습니다</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 holds no CIFAR-10 training images (data_batch_1.bin … data_batch_5.bin)</source>
        <translation>%1에 CIFAR-10 학습 이미지가 없습니다 (data_batch_1.bin … data_batch_5.bin)</translation>
    </message>
    <message>
        <source>cannot compute the landscape of %1: %2</source>
        <translation>%1의 손실 지형을 계산할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>the landscape of %1 was cancelled</source>
        <translation>%1의 손실 지형 계산이 취소되었습니다</translation>
    </message>
</context>
<context>
    <name>rx::LandscapeMapPlot</name>
    <message>
        <source>α (along direction d1)</source>
        <translation>α (방향 d1을 따라)</translation>
    </message>
    <message>
        <source>β (along direction d2)</source>
        <translation>β (방향 d2를 따라)</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>학습 손실</translation>
    </message>
    <message>
        <source>trained weights</source>
        <translation>학습된 가중치</translation>
    </message>
    <message>
        <source>α %1, β %2
loss %3, error %4 %</source>
        <translation>α %1, β %2
손실 %3, 오차 %4 %</translation>
    </message>
</context>
<context>
    <name>rx::LandscapeSlicePlot</name>
    <message>
        <source>distance along the direction (α or β)</source>
        <translation>방향을 따라간 거리 (α 또는 β)</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>학습 손실</translation>
    </message>
    <message>
        <source>along d1 (β = 0)</source>
        <translation>d1 방향 (β = 0)</translation>
    </message>
    <message>
        <source>along d2 (α = 0)</source>
        <translation>d2 방향 (α = 0)</translation>
    </message>
</context>
<context>
    <name>rx::LandscapeView</name>
    <message>
        <source>The run %1 has no checkpoint (%2) yet: train it first, or choose another run.</source>
        <translation>실행 %1에는 아직 체크포인트(%2)가 없습니다: 먼저 학습하거나 다른 실행을 고르세요.</translation>
    </message>
    <message>
        <source>CIFAR-10 is not on this computer: download it with the Training tab&apos;s Download button or with resnet-explorer-cli download --out %1.</source>
        <translation>이 컴퓨터에 CIFAR-10이 없습니다: 학습 탭의 내려받기 버튼이나 resnet-explorer-cli download --out %1로 받으세요.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>취소되었습니다.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>계산</translation>
    </message>
    <message>
        <source>Computing… %1 of %2 grid points</source>
        <translation>계산 중… 격자점 %2개 중 %1개</translation>
    </message>
    <message>
        <source>Loading the network and the training images…</source>
        <translation>신경망과 학습 이미지를 불러오는 중…</translation>
    </message>
    <message>
        <source>%1, iteration %2: loss %3 at the trained weights; %4×%4 grid over ±%5 on %6 training images (%7).</source>
        <translation>%1, 반복 %2: 학습된 가중치에서 손실 %3. 학습 이미지 %6개로 구한 ±%5 범위의 %4×%4 격자 (%7).</translation>
    </message>
    <message>
        <source>No landscape yet: Compute makes one (a 21×21 grid on 1,000 images takes a few minutes on two cores).</source>
        <translation>아직 손실 지형이 없습니다: 계산을 누르면 만듭니다 (이미지 1,000개로 21×21 격자를 만들면 코어 두 개에서 몇 분 걸립니다).</translation>
    </message>
    <message>
        <source>Choose a trained run.</source>
        <translation>학습된 실행을 고르세요.</translation>
    </message>
    <message>
        <source>&amp;Grid:</source>
        <translation>격자(&amp;G):</translation>
    </message>
    <message>
        <source>Points per axis (odd, so that the trained weights are the centre). The paper used 51.</source>
        <translation>축당 점 개수 (학습된 가중치가 중심이 되도록 홀수). 논문은 51을 썼습니다.</translation>
    </message>
    <message>
        <source>R&amp;ange ±:</source>
        <translation>범위 ±(&amp;A):</translation>
    </message>
    <message>
        <source>How far along each direction, in units of the filter-normalised direction (1 = as long as the weights&apos; own filters).</source>
        <translation>각 방향을 따라 얼마나 멀리 갈지를 필터 정규화한 방향 단위로 정합니다 (1 = 가중치 자신의 필터만큼의 길이).</translation>
    </message>
    <message>
        <source>&amp;Images:</source>
        <translation>이미지(&amp;I):</translation>
    </message>
    <message>
        <source>Training images the loss is averaged over, spread evenly over the 50,000. The paper used all of them.</source>
        <translation>손실을 평균 내는 학습 이미지 수로, 50,000개 전체에서 고르게 뽑습니다. 논문은 전부 썼습니다.</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>시드(&amp;S):</translation>
    </message>
    <message>
        <source>Draws the two random directions.</source>
        <translation>두 무작위 방향을 뽑습니다.</translation>
    </message>
    <message>
        <source>Left run:</source>
        <translation>왼쪽 실행:</translation>
    </message>
    <message>
        <source>Right run:</source>
        <translation>오른쪽 실행:</translation>
    </message>
    <message>
        <source>Choose a trained run…</source>
        <translation>학습된 실행을 고르세요…</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The loss landscape&lt;/h3&gt;&lt;p&gt;Each map shows the training loss around the trained weights w₀, at w₀ + α·d₁ + β·d₂, where d₁ and d₂ are two random directions. The cross in the middle is the trained network; dark is low loss, the white lines join points of equal loss. The curves below cut through the middle along each direction.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Filter normalisation.&lt;/b&gt; A network whose filters are scaled up computes the same thing but looks flatter. So each filter of a random direction is scaled to the size of the same filter of the weights; biases and batch-norm parameters stay put. Then maps of different networks can be compared.&lt;/p&gt;&lt;h4&gt;What to look for&lt;/h4&gt;&lt;p&gt;Put a deep plain network (plain-56) on the left and its residual twin (resnet-56) on the right. The plain net&apos;s landscape is chaotic: sharp walls, many small basins, the loss climbs fast as you leave the centre. The residual net sits in a wide, smooth, nearly convex basin with round contours. Shortcuts make the loss surface easier to descend, which is one reason why deep residual nets train where plain ones of the same depth degrade (the paper&apos;s Fig. 4).&lt;/p&gt;&lt;p&gt;The colours use one logarithmic scale for both maps, clipped at a loss of 10 as in the paper&apos;s plots. Two random directions are only a glimpse of millions of dimensions, but different seeds tell the same story.&lt;/p&gt;&lt;p&gt;&lt;i&gt;Li, Xu, Taylor, Studer, Goldstein: Visualizing the Loss Landscape of Neural Nets. NeurIPS 2018.&lt;/i&gt; The paper used all 50,000 training images and a 51×51 grid over [−1, 1]; here the default is 1,000 images and 21×21, so that it takes minutes on a laptop.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;손실 지형&lt;/h3&gt;&lt;p&gt;각 지도는 학습된 가중치 w₀ 주변의 학습 손실을 w₀ + α·d₁ + β·d₂에서 보여 줍니다. 여기서 d₁과 d₂는 두 무작위 방향입니다. 가운데의 십자가 학습된 신경망이고, 어두울수록 손실이 낮으며, 흰 선은 손실이 같은 점들을 잇습니다. 아래 곡선은 각 방향을 따라 가운데를 가로지른 단면입니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;필터 정규화.&lt;/b&gt; 합성곱 필터를 크게 키운 신경망은 같은 계산을 하지만 더 평평해 보입니다. 그래서 무작위 방향의 각 필터를 가중치에서 같은 필터의 크기에 맞춥니다. 편향과 배치 정규화 매개변수는 그대로 둡니다. 그러면 서로 다른 신경망의 지도를 비교할 수 있습니다.&lt;/p&gt;&lt;h4&gt;살펴볼 점&lt;/h4&gt;&lt;p&gt;왼쪽에 깊은 일반 신경망(plain-56)을, 오른쪽에 그 잔차 쌍둥이(resnet-56)를 놓으세요. 일반 신경망의 손실 지형은 혼란스럽습니다: 가파른 벽과 작은 분지가 많고, 중심에서 벗어나면 손실이 빠르게 치솟습니다. 잔차 신경망은 등고선이 둥글고 넓고 매끄러우며 거의 볼록한 분지에 놓여 있습니다. 숏컷은 손실 곡면을 내려가기 쉽게 만듭니다. 같은 깊이의 일반 신경망은 성능이 저하되는데 깊은 잔차 신경망은 잘 학습되는 이유 중 하나입니다 (논문의 그림 4).&lt;/p&gt;&lt;p&gt;색은 두 지도 모두에 같은 로그 척도를 쓰며, 논문의 그림처럼 손실 10에서 잘립니다. 두 무작위 방향은 수백만 차원을 잠깐 엿보는 것일 뿐이지만, 시드를 바꿔도 같은 이야기를 보여 줍니다.&lt;/p&gt;&lt;p&gt;&lt;i&gt;Li, Xu, Taylor, Studer, Goldstein: Visualizing the Loss Landscape of Neural Nets. NeurIPS 2018.&lt;/i&gt; 논문은 학습 이미지 50,000개 전부와 [−1, 1] 범위의 51×51 격자를 썼습니다. 여기서는 노트북에서 몇 분이면 끝나도록 기본값이 이미지 1,000개와 21×21입니다.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>rx::LayerProfilePlot</name>
    <message>
        <source>%1
%2 (epoch %3)
%4</source>
        <translation>%1
%2 (에폭 %3)
%4</translation>
    </message>
</context>
<context>
    <name>rx::Lesion</name>
    <message>
        <source>the lesion study of %1 was cancelled</source>
        <translation>%1의 블록 제거 실험이 취소되었습니다</translation>
    </message>
    <message>
        <source>cannot run the lesion study of %1: %2</source>
        <translation>%1의 블록 제거 실험을 실행할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 is not a lesion study</source>
        <translation>%1은(는) 블록 제거 실험 결과가 아닙니다</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>rx::LesionBlockPlot</name>
    <message>
        <source>block left out</source>
        <translation>뺀 블록</translation>
    </message>
    <message>
        <source>error without the block</source>
        <translation>그 블록을 뺐을 때의 오차</translation>
    </message>
    <message>
        <source>… a downsampling block</source>
        <translation>… 다운샘플링 블록</translation>
    </message>
    <message>
        <source>cannot be left out (changes the shape)</source>
        <translation>뺄 수 없음 (모양이 바뀜)</translation>
    </message>
    <message>
        <source>residual block, downsampling</source>
        <translation>잔차 블록, 다운샘플링</translation>
    </message>
    <message>
        <source>residual block</source>
        <translation>잔차 블록</translation>
    </message>
    <message>
        <source>plain block, downsampling</source>
        <translation>일반 블록, 다운샘플링</translation>
    </message>
    <message>
        <source>plain block</source>
        <translation>일반 블록</translation>
    </message>
    <message>
        <source>%1 (%2)
cannot be left out: its output has another shape than its input</source>
        <translation>%1 (%2)
뺄 수 없음: 출력의 모양이 입력과 다릅니다</translation>
    </message>
    <message>
        <source>%1 (%2)
test error without it: %3 (%4 points)</source>
        <translation>%1 (%2)
이 블록을 뺐을 때 테스트 오차: %3 (%4포인트)</translation>
    </message>
</context>
<context>
    <name>rx::LesionPlot</name>
    <message>
        <source>test error (%)</source>
        <translation>테스트 오차 (%)</translation>
    </message>
    <message>
        <source>nothing removed (%1)</source>
        <translation>제거 없음 (%1)</translation>
    </message>
    <message>
        <source>nothing removed</source>
        <translation>제거 없음</translation>
    </message>
    <message>
        <source>chance (%1)</source>
        <translation>무작위 추측 (%1)</translation>
    </message>
</context>
<context>
    <name>rx::LesionRandomPlot</name>
    <message>
        <source>blocks left out at random (k)</source>
        <translation>무작위로 뺀 블록 수 (k)</translation>
    </message>
    <message>
        <source>mean over the subsets</source>
        <translation>부분집합 평균</translation>
    </message>
    <message>
        <source>min–max</source>
        <translation>최소–최대</translation>
    </message>
    <message>
        <source>nothing removed: %1</source>
        <translation>제거 없음: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n block(s) left out at random: mean %1, min %2, max %3 over %4 subsets</source>
        <translation>
            <numerusform>무작위로 블록 %n개를 뺐을 때: 부분집합 %4개에서 평균 %1, 최소 %2, 최대 %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rx::LesionView</name>
    <message>
        <source>Test &amp;images per evaluation:</source>
        <translation>평가당 테스트 이미지(&amp;I):</translation>
    </message>
    <message>
        <source>Each lesioned network is evaluated on this many test images, spread over the classes. 1000 give the error to about one percentage point.</source>
        <translation>블록 제거한 각 신경망을 클래스에 고르게 퍼진 이만큼의 테스트 이미지로 평가합니다. 1000개면 오차를 약 1퍼센트포인트 정밀도로 얻습니다.</translation>
    </message>
    <message>
        <source>Choose a trained run…</source>
        <translation>학습된 실행을 고르세요…</translation>
    </message>
    <message>
        <source>The runs of the Training tab.</source>
        <translation>학습 탭의 실행들.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation>다시 계산</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>계산</translation>
    </message>
    <message>
        <source>Leave out each block in turn, then k random blocks at once, and evaluate the test error each time. The result is saved in the run folder (lesion.json).</source>
        <translation>블록을 차례로 하나씩 뺀 다음 무작위 블록 k개를 한꺼번에 빼고, 그때마다 테스트 오차를 평가합니다. 결과는 실행 폴더(lesion.json)에 저장됩니다.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Lesion study&lt;/h3&gt;&lt;p&gt;Take a trained network and leave blocks out, without retraining. A residual block left out still passes its input on through its shortcut; a plain block left out breaks the only path the signal had.&lt;/p&gt;&lt;h4&gt;What to look for&lt;/h4&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Residual net&lt;/b&gt;: most bars stay close to the dashed line (the error with every block). Only the downsampling blocks, where the shortcut changes the shape, hurt clearly. With k blocks removed at random the error grows smoothly.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Plain net&lt;/b&gt;: leaving out any block sends the error to chance (the dotted line, 90 %). Blocks that change the shape cannot be left out at all (hatched).&lt;/li&gt;&lt;/ul&gt;&lt;h4&gt;The paper&apos;s numbers&lt;/h4&gt;&lt;p&gt;ResNet-110 on CIFAR-10: removing a single block changes the error noticeably only for a downsampling block; removing 10 of its 54 blocks leaves it around 20 %. Removing any layer of a plain VGG-like network gives chance, 90 %.&lt;/p&gt;&lt;h4&gt;Why&lt;/h4&gt;&lt;p&gt;Unrolled, a residual network is a collection of paths of many lengths, each block adding a choice between its branch and its shortcut. Removing a block takes out only the paths through its branch, half of them, and leaves the rest working: the network behaves like an ensemble of relatively shallow networks.&lt;/p&gt;&lt;h4&gt;Reference&lt;/h4&gt;&lt;p&gt;A. Veit, M. Wilber, S. Belongie: &lt;i&gt;Residual Networks Behave Like Ensembles of Relatively Shallow Networks&lt;/i&gt;, NeurIPS 2016, &lt;a href=&quot;https://arxiv.org/abs/1605.06431&quot;&gt;arXiv:1605.06431&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;From the command line: &lt;tt&gt;resnet-explorer-cli analyze lesion RUN_DIR&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;블록 제거 실험&lt;/h3&gt;&lt;p&gt;학습된 신경망에서 다시 학습하지 않고 블록을 뺍니다. 잔차 블록은 빠져도 숏컷을 통해 입력을 그대로 넘겨주지만, 일반 블록이 빠지면 신호가 지나던 유일한 경로가 끊깁니다.&lt;/p&gt;&lt;h4&gt;살펴볼 점&lt;/h4&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;잔차 신경망&lt;/b&gt;: 대부분의 막대가 파선(모든 블록이 있을 때의 오차) 가까이에 머뭅니다. 숏컷이 모양을 바꾸는 다운샘플링 블록만 뚜렷하게 오차를 키웁니다. 무작위로 블록 k개를 제거하면 오차가 완만하게 커집니다.&lt;/li&gt;&lt;li&gt;&lt;b&gt;일반 신경망&lt;/b&gt;: 어느 블록을 빼도 오차가 무작위 추측 수준(점선, 90 %)으로 올라갑니다. 모양을 바꾸는 블록은 아예 뺄 수 없습니다(빗금).&lt;/li&gt;&lt;/ul&gt;&lt;h4&gt;논문의 수치&lt;/h4&gt;&lt;p&gt;CIFAR-10의 ResNet-110: 블록 하나를 제거하면 다운샘플링 블록일 때만 오차가 눈에 띄게 변합니다. 54개 블록 중 10개를 제거해도 오차는 20 % 안팎입니다. VGG 같은 일반 신경망은 어느 층을 제거해도 무작위 추측 수준인 90 %가 됩니다.&lt;/p&gt;&lt;h4&gt;이유&lt;/h4&gt;&lt;p&gt;펼쳐 보면 잔차 신경망은 길이가 다양한 경로들의 모음이고, 각 블록은 자기 가지와 숏컷 중 하나를 고르는 선택을 더합니다. 블록 하나를 제거하면 그 가지를 지나는 경로, 즉 절반만 빠지고 나머지는 그대로 작동합니다: 신경망은 비교적 얕은 신경망들의 앙상블처럼 동작합니다.&lt;/p&gt;&lt;h4&gt;참고 문헌&lt;/h4&gt;&lt;p&gt;A. Veit, M. Wilber, S. Belongie: &lt;i&gt;Residual Networks Behave Like Ensembles of Relatively Shallow Networks&lt;/i&gt;, NeurIPS 2016, &lt;a href=&quot;https://arxiv.org/abs/1605.06431&quot;&gt;arXiv:1605.06431&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;명령줄에서: &lt;tt&gt;resnet-explorer-cli analyze lesion RUN_DIR&lt;/tt&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 is not a run folder.</source>
        <translation>%1은(는) 실행 폴더가 아닙니다.</translation>
    </message>
    <message>
        <source>Read from %1.</source>
        <translation>%1에서 읽었습니다.</translation>
    </message>
    <message>
        <source>The run %1 has no checkpoint (%2) yet: train it first.</source>
        <translation>실행 %1에는 아직 체크포인트(%2)가 없습니다: 먼저 학습하세요.</translation>
    </message>
    <message>
        <source>CIFAR-10 is not on this computer: download it with the Training tab&apos;s Download button or with resnet-explorer-cli download --out %1.</source>
        <translation>이 컴퓨터에 CIFAR-10이 없습니다: 학습 탭의 내려받기 버튼이나 resnet-explorer-cli download --out %1로 받으세요.</translation>
    </message>
    <message>
        <source>Computed, but not saved: %1</source>
        <translation>계산했지만 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>취소되었습니다.</translation>
    </message>
    <message>
        <source>Computed in %1 s.</source>
        <translation>%1 s 만에 계산했습니다.</translation>
    </message>
    <message>
        <source>No run</source>
        <translation>실행 없음</translation>
    </message>
    <message>
        <source>residual net</source>
        <translation>잔차 신경망</translation>
    </message>
    <message>
        <source>plain net</source>
        <translation>일반 신경망</translation>
    </message>
    <message>
        <source>Leaving blocks out and evaluating… %1 % done</source>
        <translation>블록을 빼고 평가하는 중… %1 % 완료</translation>
    </message>
    <message>
        <source>Loading the network and the test images…</source>
        <translation>신경망과 테스트 이미지를 불러오는 중…</translation>
    </message>
    <message>
        <source>%1, %2 test images: %3 error with every block, %4 with every removable block left out. %5</source>
        <translation>%1, 테스트 이미지 %2개: 모든 블록이 있을 때 오차 %3, 제거할 수 있는 블록을 모두 뺐을 때 %4. %5</translation>
    </message>
    <message>
        <source>No lesion study of this run yet: press Compute.</source>
        <translation>이 실행의 블록 제거 실험이 아직 없습니다: 계산을 누르세요.</translation>
    </message>
    <message>
        <source>Choose a trained run.</source>
        <translation>학습된 실행을 고르세요.</translation>
    </message>
</context>
<context>
    <name>rx::LossRatePlot</name>
    <message>
        <source>iteration</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>학습 손실</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>%1 loss</source>
        <translation>%1 손실</translation>
    </message>
    <message>
        <source>%1 learning rate</source>
        <translation>%1 학습률</translation>
    </message>
</context>
<context>
    <name>rx::LrSchedule</name>
    <message>
        <source>paper: ÷10 at %1 and %2</source>
        <translation>논문: %1, %2에서 ÷10</translation>
    </message>
    <message>
        <source>multi-step: ÷10 at 50 % and 75 %</source>
        <translation>다단계: 50 %와 75 %에서 ÷10</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>코사인</translation>
    </message>
</context>
<context>
    <name>rx::MainWindow</name>
    <message>
        <source>Issues</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>프리셋(&amp;P)</translation>
    </message>
    <message>
        <source>depth %1 · %2 parameters · %3 MACs</source>
        <translation>깊이 %1 · 매개변수 %2개 · 곱셈-누산 %3</translation>
    </message>
    <message numerus="yes">
        <source>invalid network: %n problem(s)</source>
        <translation>
            <numerusform>잘못된 신경망: 문제 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open network</source>
        <translation>신경망을 열 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot save network</source>
        <translation>신경망을 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>Open network</source>
        <translation>신경망 열기</translation>
    </message>
    <message>
        <source>Networks (*.resnet.json *.json)</source>
        <translation>신경망 (*.resnet.json *.json)</translation>
    </message>
    <message>
        <source>Save network</source>
        <translation>신경망 저장</translation>
    </message>
    <message>
        <source>Networks (*.resnet.json)</source>
        <translation>신경망 (*.resnet.json)</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>팔레트</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>속성</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>복제(&amp;U)</translation>
    </message>
    <message>
        <source>Move Stage &amp;Up</source>
        <translation>단계 위로 이동(&amp;U)</translation>
    </message>
    <message>
        <source>Move Stage Do&amp;wn</source>
        <translation>단계 아래로 이동(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Plain ↔ Residual</source>
        <translation>일반 ↔ 잔차(&amp;P)</translation>
    </message>
    <message>
        <source>Plain ↔ residual</source>
        <translation>일반 ↔ 잔차</translation>
    </message>
    <message>
        <source>Turn the network into its plain or residual counterpart</source>
        <translation>신경망을 대응하는 일반 신경망 또는 잔차 신경망으로 바꿉니다</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>창에 맞추기(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Collapse or Expand Stage</source>
        <translation>단계 접기/펼치기(&amp;C)</translation>
    </message>
    <message>
        <source>%1[*] — ResNet Explorer</source>
        <translation>%1[*] — ResNet 탐색기</translation>
    </message>
    <message>
        <source>Insert %1 block</source>
        <translation>%1 블록 넣기</translation>
    </message>
    <message>
        <source>Change stem</source>
        <translation>줄기 바꾸기</translation>
    </message>
    <message>
        <source>Insert stage</source>
        <translation>단계 넣기</translation>
    </message>
    <message>
        <source>Every network already ends with its head: global average pooling and a fully connected layer.</source>
        <translation>모든 신경망은 이미 머리(전역 평균 풀링과 완전 연결 층)로 끝납니다.</translation>
    </message>
    <message>
        <source>Delete block</source>
        <translation>블록 삭제</translation>
    </message>
    <message>
        <source>Delete stage</source>
        <translation>단계 삭제</translation>
    </message>
    <message>
        <source>The stem and the head cannot be deleted.</source>
        <translation>줄기와 머리는 삭제할 수 없습니다.</translation>
    </message>
    <message>
        <source>Duplicate block</source>
        <translation>블록 복제</translation>
    </message>
    <message>
        <source>Duplicate stage</source>
        <translation>단계 복제</translation>
    </message>
    <message>
        <source>Move stage</source>
        <translation>단계 이동</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경</translation>
    </message>
    <message>
        <source>The network has unsaved changes. Save them?</source>
        <translation>신경망에 저장하지 않은 변경이 있습니다. 저장할까요?</translation>
    </message>
    <message>
        <source>Builder</source>
        <translation>구성</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>실행 기록</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>실험</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>Open &amp;Experiment…</source>
        <translation>실험 열기(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Presentation</source>
        <translation>발표 모드(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen with large text for the classroom; Esc leaves</source>
        <translation>교실용 큰 글씨 전체 화면. Esc로 나옵니다</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>E&amp;xperiments</source>
        <translation>실험(&amp;X)</translation>
    </message>
    <message>
        <source>Open Experiment Folder…</source>
        <translation>실험 폴더 열기…</translation>
    </message>
    <message>
        <source>Cannot open experiment</source>
        <translation>실험을 열 수 없습니다</translation>
    </message>
    <message>
        <source>Open experiment folder</source>
        <translation>실험 폴더 열기</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>심층 분석</translation>
    </message>
    <message>
        <source>Autosave is off: %1</source>
        <translation>자동 저장이 꺼져 있습니다: %1</translation>
    </message>
    <message>
        <source>Autosave unreadable</source>
        <translation>자동 저장 파일을 읽을 수 없음</translation>
    </message>
    <message>
        <source>An autosaved network could not be read, so it cannot be restored:
%1

The file was kept as %2.</source>
        <translation>자동 저장된 네트워크를 읽을 수 없어 복원할 수 없습니다:
%1

파일은 %2(으)로 보관했습니다.</translation>
    </message>
    <message>
        <source>ResNet Explorer did not close normally.</source>
        <translation>ResNet Explorer가 정상적으로 종료되지 않았습니다.</translation>
    </message>
    <message>
        <source>The network “%1” had unsaved changes, autosaved at %2.</source>
        <translation>네트워크 “%1”에 저장하지 않은 변경 사항이 있었습니다 (%2에 자동 저장됨).</translation>
    </message>
    <message>
        <source>The network “%1” (%2) had unsaved changes, autosaved at %3.</source>
        <translation>네트워크 “%1” (%2)에 저장하지 않은 변경 사항이 있었습니다 (%3에 자동 저장됨).</translation>
    </message>
    <message numerus="yes">
        <source>%n older autosave(s) will be offered on the next start.</source>
        <translation>
            <numerusform>이전 자동 저장 %n개는 다음 시작 때 제안됩니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore it?</source>
        <translation>복원할까요?</translation>
    </message>
    <message>
        <source>Restore network</source>
        <translation>네트워크 복원</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>복원(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>버리기(&amp;D)</translation>
    </message>
    <message>
        <source>Restored the network autosaved at %1.</source>
        <translation>%1에 자동 저장된 네트워크를 복원했습니다.</translation>
    </message>
</context>
<context>
    <name>rx::MemoryEstimate</name>
    <message>
        <source>not enough memory for this run: it needs about %1 (activations of a batch of %2: %3; weights, gradients and momentum: %4; data set: %5), but %6 has %7 available. Use a smaller batch or a smaller network.</source>
        <translation>이 학습에 필요한 메모리가 부족합니다: 약 %1이 필요하지만 (배치 %2의 활성값: %3, 가중치·기울기·모멘텀: %4, 데이터셋: %5) %6에는 %7만 남아 있습니다. 배치나 네트워크를 줄이세요.</translation>
    </message>
    <message>
        <source>the GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>이 컴퓨터</translation>
    </message>
</context>
<context>
    <name>rx::Metrics</name>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n damaged line(s) skipped</source>
        <translation>
            <numerusform>%1: 손상된 줄 %n개를 건너뜀</numerusform>
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
        <translation>테스트 이미지 %1: %2인데 %4 확신으로 %3(으)로 판단</translation>
    </message>
</context>
<context>
    <name>rx::NetworkCanvas</name>
    <message>
        <source>input %1×%2×%3</source>
        <translation>입력 %1×%2×%3</translation>
    </message>
    <message>
        <source>stem</source>
        <translation>줄기</translation>
    </message>
    <message>
        <source>stage %1</source>
        <translation>%1단계</translation>
    </message>
    <message>
        <source>%1, %2 ch</source>
        <translation>%1, %2 채널</translation>
    </message>
    <message>
        <source>… ×%1</source>
        <translation>… ×%1</translation>
    </message>
    <message>
        <source>layer%1 · ×%2 %3 blocks</source>
        <translation>layer%1 · %3 블록 ×%2</translation>
    </message>
    <message>
        <source>global average pool</source>
        <translation>전역 평균 풀링</translation>
    </message>
    <message>
        <source>fc, %1</source>
        <translation>완전 연결, %1</translation>
    </message>
    <message>
        <source>head</source>
        <translation>머리</translation>
    </message>
    <message>
        <source>%1 classes</source>
        <translation>클래스 %1개</translation>
    </message>
    <message>
        <source>BN, ReLU first</source>
        <translation>BN, ReLU 먼저</translation>
    </message>
    <message>
        <source>addition: the shortcut&apos;s x is added to the block&apos;s output F(x)</source>
        <translation>덧셈: 숏컷의 x를 블록의 출력 F(x)에 더합니다</translation>
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
        <translation>채널별 평균과 표준편차</translation>
    </message>
    <message>
        <source>per-pixel mean (the paper)</source>
        <translation>픽셀별 평균 (논문)</translation>
    </message>
</context>
<context>
    <name>rx::OnnxExport</name>
    <message>
        <source>the weights hold no tensor %1</source>
        <translation>가중치에 텐서 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>the ONNX checker refuses the model: %1</source>
        <translation>ONNX 검사기가 모델을 거부합니다: %1</translation>
    </message>
    <message>
        <source>the ONNX model could not be serialised</source>
        <translation>ONNX 모델을 직렬화할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>rx::Pipeline</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>no architecture found beside %1 (expected %2 or %3 in the same folder)</source>
        <translation>%1 옆에 구조 파일이 없습니다 (같은 폴더에 %2나 %3이(가) 있어야 합니다)</translation>
    </message>
    <message>
        <source>CUDA was asked for, but this LibTorch has no usable GPU; use --device cpu or auto, or build with a CUDA LibTorch</source>
        <translation>CUDA를 요청했지만 이 LibTorch에는 쓸 수 있는 GPU가 없습니다. --device cpu나 auto를 쓰거나 CUDA LibTorch로 빌드하세요</translation>
    </message>
    <message>
        <source>%1 holds no %2; train the run first</source>
        <translation>%1에 %2이(가) 없습니다. 먼저 학습하세요</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>그런 파일이 없습니다</translation>
    </message>
    <message>
        <source>%1 holds no trained weights: expected a run folder, its %2, a libtorch export (.pt) or a pytorch export (.pth)</source>
        <translation>%1에는 학습된 가중치가 없습니다: 실행 폴더, 그 %2, libtorch 내보내기(.pt) 또는 pytorch 내보내기(.pth)여야 합니다</translation>
    </message>
    <message>
        <source>%1 is not a state_dict of named tensors</source>
        <translation>%1은(는) 이름 붙은 텐서의 state_dict가 아닙니다</translation>
    </message>
    <message numerus="yes">
        <source>; and %n more</source>
        <translation>
            <numerusform>; 그 밖에 %n개 더</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 does not fit the architecture: %2</source>
        <translation>%1이(가) 구조와 맞지 않습니다: %2</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>%1이(가) 없습니다</translation>
    </message>
    <message>
        <source>%1 is not in the network</source>
        <translation>%1은(는) 신경망에 없습니다</translation>
    </message>
    <message>
        <source>%1 has another shape</source>
        <translation>%1의 모양이 다릅니다</translation>
    </message>
    <message>
        <source>%1 holds no valid mean and std</source>
        <translation>%1에 올바른 평균과 표준편차가 없습니다</translation>
    </message>
    <message>
        <source>the architecture cannot be built: %1</source>
        <translation>구조를 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <source>%1 is %2, the network&apos;s is %3</source>
        <translation>%1은(는) %2이지만 네트워크의 것은 %3입니다</translation>
    </message>
    <message>
        <source>a momentum buffer is %1, its parameter&apos;s is %2</source>
        <translation>모멘텀 버퍼는 %1이지만 해당 매개변수는 %2입니다</translation>
    </message>
    <message>
        <source>%1 (%2) does not fit the input %3×%4×%5</source>
        <translation>%1 (%2)이(가) 입력 %3×%4×%5에 맞지 않습니다</translation>
    </message>
    <message>
        <source>iteration %1 is out of range</source>
        <translation>반복 %1이(가) 범위를 벗어났습니다</translation>
    </message>
</context>
<context>
    <name>rx::PlotBase</name>
    <message>
        <source>unknown export format for %1 (use .png, .pdf or .svg)</source>
        <translation>%1의 내보내기 형식을 알 수 없습니다 (.png, .pdf, .svg를 쓰세요)</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1에 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>보기 초기화</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>그래프 내보내기</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>Export as PNG…</source>
        <translation>PNG로 내보내기…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Export as PDF…</source>
        <translation>PDF로 내보내기…</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export as SVG…</source>
        <translation>SVG로 내보내기…</translation>
    </message>
    <message>
        <source>SVG (*.svg)</source>
        <translation>SVG (*.svg)</translation>
    </message>
    <message>
        <source>Copy data as CSV</source>
        <translation>데이터를 CSV로 복사</translation>
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
        <translation>실행(&amp;R):</translation>
    </message>
    <message>
        <source>Choose a trained run…</source>
        <translation>학습된 실행을 고르세요…</translation>
    </message>
    <message>
        <source>The runs of the Training tab. The test set is evaluated with the run&apos;s last checkpoint.</source>
        <translation>학습 탭의 실행들. 실행의 마지막 체크포인트로 테스트 세트를 평가합니다.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>찾아보기(&amp;B)…</translation>
    </message>
    <message>
        <source>Evaluate another run folder.</source>
        <translation>다른 실행 폴더를 평가합니다.</translation>
    </message>
    <message>
        <source>Misclassified test images</source>
        <translation>잘못 분류한 테스트 이미지</translation>
    </message>
    <message>
        <source>Show all mistakes</source>
        <translation>모든 오답 보기</translation>
    </message>
    <message>
        <source>Test &amp;image:</source>
        <translation>테스트 이미지(&amp;I):</translation>
    </message>
    <message>
        <source>The network&apos;s three best guesses</source>
        <translation>신경망의 상위 3개 추측</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) of this cell of the matrix.</source>
        <translation>
            <numerusform>행렬의 이 칸에 있는 이미지 %Ln개.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln mistake(s). Click a cell of the matrix to see only its images; click an image for its best guesses.</source>
        <translation>
            <numerusform>오답 %Ln개. 행렬의 칸을 누르면 그 이미지만 보이고, 이미지를 누르면 상위 추측이 보입니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a run to evaluate it on the test set.</source>
        <translation>테스트 세트에서 평가할 실행을 고르세요.</translation>
    </message>
    <message>
        <source>Choose a run folder</source>
        <translation>실행 폴더 고르기</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>The run %1 has no checkpoint (%2) yet: train it until its first test, or choose another run.</source>
        <translation>실행 %1에는 아직 체크포인트(%2)가 없습니다: 첫 테스트까지 학습하거나 다른 실행을 고르세요.</translation>
    </message>
    <message>
        <source>CIFAR-10 is not on this computer: download it with the Training tab&apos;s Download button or with resnet-explorer-cli download --out %1.</source>
        <translation>이 컴퓨터에 CIFAR-10이 없습니다: 학습 탭의 내려받기 버튼이나 resnet-explorer-cli download --out %1로 받으세요.</translation>
    </message>
    <message>
        <source>Evaluating the test set… %1 of %2 images</source>
        <translation>테스트 세트 평가 중… 이미지 %2개 중 %1개</translation>
    </message>
    <message>
        <source>Loading the network…</source>
        <translation>신경망을 불러오는 중…</translation>
    </message>
    <message>
        <source>Test error %1 on %2 test images (loss %3).</source>
        <translation>테스트 이미지 %2개에서 테스트 오차 %1 (손실 %3).</translation>
    </message>
    <message>
        <source>Choose a trained run to see what it gets right and wrong.</source>
        <translation>무엇을 맞히고 틀리는지 보려면 학습된 실행을 고르세요.</translation>
    </message>
    <message>
        <source>True class: %1
Predicted: %2</source>
        <translation>실제 클래스: %1
예측: %2</translation>
    </message>
</context>
<context>
    <name>rx::PropertiesPanel</name>
    <message>
        <source>Network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Depth in weighted layers: 6n+2 for three stages of basic blocks (20, 32, 44, 56, 110, 1202), 9n+2 for bottlenecks.</source>
        <translation>가중치 층 수로 센 깊이: 기본 블록 3단계는 6n+2 (20, 32, 44, 56, 110, 1202), 병목은 9n+2.</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>깊이</translation>
    </message>
    <message>
        <source>Stem</source>
        <translation>줄기</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>너비</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>블록</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>블록 수</translation>
    </message>
    <message>
        <source>Width of the 3×3 convs; a bottleneck stage outputs 4× this.</source>
        <translation>3×3 합성곱의 너비. 병목 단계는 이것의 4배를 출력합니다.</translation>
    </message>
    <message>
        <source>Stride of the stage&apos;s first block: 2 halves the feature map.</source>
        <translation>단계 첫 블록의 보폭: 2이면 특징 맵이 절반이 됩니다.</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>보폭</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>숏컷</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>이름 바꾸기</translation>
    </message>
    <message>
        <source>Set depth</source>
        <translation>깊이 설정</translation>
    </message>
    <message>
        <source>Change stem</source>
        <translation>줄기 바꾸기</translation>
    </message>
    <message>
        <source>Change stem width</source>
        <translation>줄기 너비 바꾸기</translation>
    </message>
    <message>
        <source>Change block kind</source>
        <translation>블록 종류 바꾸기</translation>
    </message>
    <message>
        <source>Change block count</source>
        <translation>블록 수 바꾸기</translation>
    </message>
    <message>
        <source>Change width</source>
        <translation>너비 바꾸기</translation>
    </message>
    <message>
        <source>Change stride</source>
        <translation>보폭 바꾸기</translation>
    </message>
    <message>
        <source>Change shortcut option</source>
        <translation>숏컷 옵션 바꾸기</translation>
    </message>
    <message>
        <source>%1n+2 with n = %2 blocks per stage</source>
        <translation>%1n+2, 단계마다 블록 n = %2개</translation>
    </message>
    <message>
        <source>Stages differ: edit each stage&apos;s blocks.</source>
        <translation>단계마다 다릅니다: 각 단계의 블록 수를 고치세요.</translation>
    </message>
    <message>
        <source>Stage %1, block %2 (the stage&apos;s %3 blocks are alike)</source>
        <translation>%1단계, %2번째 블록 (이 단계의 블록 %3개는 모두 같습니다)</translation>
    </message>
    <message>
        <source>Stage %1</source>
        <translation>%1단계</translation>
    </message>
</context>
<context>
    <name>rx::ResidualRatioPlot</name>
    <message>
        <source>block (sorted by ratio)</source>
        <translation>블록 (비율 순 정렬)</translation>
    </message>
    <message>
        <source>block (input side at the left)</source>
        <translation>블록 (왼쪽이 입력 쪽)</translation>
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
        <translation>층 번호 (원래 순서)</translation>
    </message>
    <message>
        <source>std of response</source>
        <translation>응답의 표준편차</translation>
    </message>
    <message>
        <source>layer index (sorted by magnitude)</source>
        <translation>층 번호 (크기순 정렬)</translation>
    </message>
</context>
<context>
    <name>rx::RunFolder</name>
    <message>
        <source>the run folder %1 is in use: %2 (process %3 on %4) is training into it. Wait for it to end or stop it, or choose another folder.</source>
        <translation>실행 폴더 %1은(는) 사용 중입니다: %2 (%4의 프로세스 %3)이(가) 이 폴더에 학습하고 있습니다. 끝나기를 기다리거나 멈추거나, 다른 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>another program</source>
        <translation>다른 프로그램</translation>
    </message>
    <message>
        <source>cannot lock the run folder %1: cannot write there</source>
        <translation>실행 폴더 %1을(를) 잠글 수 없습니다: 그곳에 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>rx::RunPlot</name>
    <message>
        <source>%1 (raw)</source>
        <translation>%1 (원래 값)</translation>
    </message>
</context>
<context>
    <name>rx::RunState</name>
    <message>
        <source>running</source>
        <translation>학습 중</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>중단됨</translation>
    </message>
</context>
<context>
    <name>rx::RunsModel</name>
    <message>
        <source>a running run cannot be renamed</source>
        <translation>학습 중인 실행은 이름을 바꿀 수 없습니다</translation>
    </message>
    <message>
        <source>a run named %1 already exists</source>
        <translation>%1이라는 실행이 이미 있습니다</translation>
    </message>
    <message>
        <source>cannot rename %1 to %2</source>
        <translation>%1을(를) %2(으)로 바꿀 수 없습니다</translation>
    </message>
    <message>
        <source>stop the run before deleting it</source>
        <translation>삭제하기 전에 실행을 멈추세요</translation>
    </message>
    <message>
        <source>cannot delete %1</source>
        <translation>%1을(를) 삭제할 수 없습니다</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Best test error</source>
        <translation>최저 테스트 오차</translation>
    </message>
</context>
<context>
    <name>rx::RunsPanel</name>
    <message>
        <source>Tick runs to overlay them on every plot.</source>
        <translation>실행을 체크하면 모든 그래프에 겹쳐 그립니다.</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <source>Export weights…</source>
        <translation>가중치 내보내기…</translation>
    </message>
    <message>
        <source>Rename run</source>
        <translation>실행 이름 바꾸기</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>새 이름</translation>
    </message>
    <message>
        <source>Cannot rename</source>
        <translation>이름을 바꿀 수 없습니다</translation>
    </message>
    <message>
        <source>Delete run</source>
        <translation>실행 삭제</translation>
    </message>
    <message>
        <source>Delete the run %1 and all its files?</source>
        <translation>실행 %1과(와) 그 파일을 모두 삭제할까요?</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>삭제할 수 없습니다</translation>
    </message>
    <message>
        <source>Export weights</source>
        <translation>가중치 내보내기</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1(으)로 내보냈습니다</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>Show predictions</source>
        <translation>예측 보기</translation>
    </message>
    <message>
        <source>Resume training</source>
        <translation>학습 이어 하기</translation>
    </message>
    <message>
        <source>Runs folder…</source>
        <translation>실행 폴더…</translation>
    </message>
    <message>
        <source>Runs folder</source>
        <translation>실행 폴더</translation>
    </message>
    <message>
        <source>The runs folder: %1</source>
        <translation>실행 폴더: %1</translation>
    </message>
</context>
<context>
    <name>rx::SpecFile</name>
    <message>
        <source>a string</source>
        <translation>문자열</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>배열</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>객체</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>%1이(가) 와야 하는데 %2입니다</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>빠졌습니다</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>정수</translation>
    </message>
    <message>
        <source>not valid JSON: %1 at character %2</source>
        <translation>올바른 JSON이 아닙니다: %2번째 문자에서 %1</translation>
    </message>
    <message>
        <source>not a network description: the file must hold one JSON object</source>
        <translation>신경망 설명이 아닙니다: 파일에 JSON 객체 하나가 있어야 합니다</translation>
    </message>
    <message>
        <source>this file has format %1, written by a newer ResNet Explorer; this version reads format %2 and older</source>
        <translation>이 파일은 형식 %1로, 더 새로운 ResNet 탐색기가 썼습니다. 이 버전은 형식 %2 이하만 읽습니다</translation>
    </message>
    <message>
        <source>unknown format %1</source>
        <translation>알 수 없는 형식 %1</translation>
    </message>
    <message>
        <source>unknown block kind &apos;%1&apos; (expected one of: %2)</source>
        <translation>알 수 없는 블록 종류 &apos;%1&apos; (다음 중 하나여야 합니다: %2)</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>unknown stem kind &apos;%1&apos; (expected one of: %2)</source>
        <translation>알 수 없는 줄기 종류 &apos;%1&apos; (가능한 값: %2)</translation>
    </message>
    <message>
        <source>unknown shortcut option &apos;%1&apos; (expected one of: %2)</source>
        <translation>알 수 없는 숏컷 옵션 &apos;%1&apos; (가능한 값: %2)</translation>
    </message>
    <message>
        <source>unknown head kind &apos;%1&apos; (expected &apos;%2&apos;)</source>
        <translation>알 수 없는 헤드 종류 &apos;%1&apos; (&apos;%2&apos;이어야 합니다)</translation>
    </message>
</context>
<context>
    <name>rx::TorchArchive</name>
    <message>
        <source>not a checkpoint, or a damaged one (%1)</source>
        <translation>체크포인트가 아니거나 손상된 파일입니다 (%1)</translation>
    </message>
    <message>
        <source>its zip directory</source>
        <translation>zip 디렉터리</translation>
    </message>
</context>
<context>
    <name>rx::TrainConfig</name>
    <message>
        <source>a string</source>
        <translation>문자열</translation>
    </message>
    <message>
        <source>a positive integer</source>
        <translation>양의 정수</translation>
    </message>
    <message>
        <source>a non-negative integer</source>
        <translation>0 이상의 정수</translation>
    </message>
    <message>
        <source>a positive number</source>
        <translation>양수</translation>
    </message>
    <message>
        <source>a non-negative number</source>
        <translation>0 이상의 수</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>%1이(가) 와야 하는데 %2입니다</translation>
    </message>
    <message>
        <source>positive epochs</source>
        <translation>양의 에폭 값</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 또는 false</translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation>%1 중 하나</translation>
    </message>
    <message>
        <source>an array of epochs</source>
        <translation>에폭 배열</translation>
    </message>
    <message>
        <source>a percentage from 0 to 100</source>
        <translation>0에서 100 사이의 백분율</translation>
    </message>
</context>
<context>
    <name>rx::TrainForm</name>
    <message>
        <source>Training (the paper&apos;s recipe)</source>
        <translation>학습 (논문의 설정)</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>Stop after this many iterations; auto: after the epochs below, or the paper&apos;s %1 when they are — too.</source>
        <translation>이 반복 수 후 멈춥니다. 자동: 아래 에폭 수 후, 에폭도 —이면 논문의 %1 반복 후.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Used when iterations is auto: stop after this many epochs.</source>
        <translation>반복이 자동일 때 사용: 이 에폭 수 후 멈춥니다.</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>일정</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>워밍업</translation>
    </message>
    <message>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <source>The paper&apos;s ResNet-110 warm-up: lr %1 until the training error is below %2 % (at most this many iterations).</source>
        <translation>논문의 ResNet-110 워밍업: 학습 오차가 %2 % 아래로 내려갈 때까지 학습률 %1 (최대 이 반복 수).</translation>
    </message>
    <message>
        <source>pad 4, random crop, flip</source>
        <translation>4픽셀 채우기, 무작위 자르기, 뒤집기</translation>
    </message>
    <message>
        <source>Augment</source>
        <translation>증강</translation>
    </message>
    <message>
        <source>per-pixel mean (the paper)</source>
        <translation>픽셀별 평균 (논문)</translation>
    </message>
    <message>
        <source>Normalise</source>
        <translation>정규화</translation>
    </message>
    <message>
        <source>45k/5k train/validation</source>
        <translation>45k/5k 학습/검증</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>분할</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>학습 이미지</translation>
    </message>
    <message>
        <source>all</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Test images</source>
        <translation>테스트 이미지</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Report every</source>
        <translation>보고 간격</translation>
    </message>
    <message>
        <source>Training error and gradient norms are averaged and reported every this many iterations.</source>
        <translation>학습 오차와 기울기 노름을 이 반복 수마다 평균해서 보고합니다.</translation>
    </message>
    <message>
        <source>Device and data</source>
        <translation>장치와 데이터</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>확인 중…</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>사용 가능</translation>
    </message>
    <message>
        <source>folder with data_batch_1.bin …</source>
        <translation>data_batch_1.bin …이 있는 폴더</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>CIFAR-10 folder</source>
        <translation>CIFAR-10 폴더</translation>
    </message>
    <message>
        <source>CIFAR-10</source>
        <translation>CIFAR-10</translation>
    </message>
    <message>
        <source>Download CIFAR-10 (163 MB)</source>
        <translation>CIFAR-10 내려받기 (163 MB)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <source>Network: &lt;b&gt;%1&lt;/b&gt; (from the builder)</source>
        <translation>신경망: &lt;b&gt;%1&lt;/b&gt; (구성 탭에서)</translation>
    </message>
    <message>
        <source>Network: &lt;b&gt;%1&lt;/b&gt; is invalid; fix it in the builder</source>
        <translation>신경망: &lt;b&gt;%1&lt;/b&gt;이(가) 올바르지 않습니다. 구성 탭에서 고치세요</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <source>bf16 autocast runs the convolutions and matrix products in bfloat16 (batch norm, the loss and the weights stay in fp32). It needs a GPU or a CPU with native bf16 (AVX-512 BF16 or AMX); this CPU: %1. fp16 autocast (with loss scaling) needs a GPU.</source>
        <translation>bf16 autocast는 합성곱과 행렬 곱을 bfloat16으로 계산합니다 (배치 정규화, 손실, 가중치는 fp32 그대로). GPU 또는 bf16을 직접 계산하는 CPU(AVX-512 BF16 또는 AMX)가 필요합니다. 이 CPU: %1. fp16 autocast(손실 스케일링 포함)에는 GPU가 필요합니다.</translation>
    </message>
    <message>
        <source>Memory: about %1</source>
        <translation>메모리: 약 %1</translation>
    </message>
    <message>
        <source>Memory: %1 of %2 available</source>
        <translation>메모리: 사용 가능한 %2 중 %1</translation>
    </message>
    <message>
        <source>Memory: %1, but only %2 available: this run will not fit. Use a smaller batch or a smaller network.</source>
        <translation>메모리: %1 필요, 사용 가능 %2뿐: 이 학습은 들어가지 않습니다. 배치나 네트워크를 줄이세요.</translation>
    </message>
    <message>
        <source>Estimated from the network and the batch: weights %1, gradients %2, momentum %3, activations of one step %4, kernel buffers %5, evaluation %6, data set %7, framework allowance %8.</source>
        <translation>네트워크와 배치로 추정: 가중치 %1, 기울기 %2, 모멘텀 %3, 한 스텝의 활성값 %4, 커널 버퍼 %5, 평가 %6, 데이터셋 %7, 프레임워크 여유분 %8.</translation>
    </message>
</context>
<context>
    <name>rx::Trainer</name>
    <message>
        <source>the network is invalid:
%1</source>
        <translation>신경망이 올바르지 않습니다:
%1</translation>
    </message>
    <message>
        <source>cannot create the run folder %1</source>
        <translation>실행 폴더 %1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <source>cannot resume: %1 does not exist</source>
        <translation>이어서 학습할 수 없습니다: %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>training diverged: the loss became %1 at iteration %2. The run stopped; the last good checkpoint (iteration %3) is kept. Try a lower learning rate or a warm-up.</source>
        <translation>학습이 발산했습니다: 반복 %2에서 손실이 %1이(가) 되었습니다. 학습을 멈췄고 마지막 정상 체크포인트(반복 %3)는 남아 있습니다. 학습률을 낮추거나 워밍업을 써 보세요.</translation>
    </message>
    <message>
        <source>training diverged: the loss became %1 at iteration %2, before any checkpoint was written. Try a lower learning rate or a warm-up.</source>
        <translation>학습이 발산했습니다: 체크포인트를 쓰기 전인 반복 %2에서 손실이 %1이(가) 되었습니다. 학습률을 낮추거나 워밍업을 써 보세요.</translation>
    </message>
    <message>
        <source>the training set has %1 images; at least one batch is needed</source>
        <translation>학습 세트의 이미지가 %1장입니다. 적어도 배치 하나가 필요합니다</translation>
    </message>
    <message>
        <source>training failed: %1</source>
        <translation>학습 실패: %1</translation>
    </message>
    <message>
        <source>invalid training settings: %1</source>
        <translation>잘못된 학습 설정: %1</translation>
    </message>
    <message>
        <source>%1: invalid training settings: %2</source>
        <translation>%1: 학습 설정이 잘못되었습니다: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>bf16 needs a CPU that computes bf16 natively (AVX-512 BF16 or AMX); this one does not, and emulated bf16 would train slower than fp32. Train in fp32, or on a GPU.</source>
        <translation>bf16에는 bf16을 직접 계산하는 CPU(AVX-512 BF16 또는 AMX)가 필요한데 이 CPU는 그렇지 않습니다. 흉내 낸 bf16은 fp32보다 느리게 학습합니다. fp32로 학습하거나 GPU를 쓰세요.</translation>
    </message>
    <message>
        <source>fp16 autocast needs a GPU; on the CPU train in fp32 (or in bf16 where the CPU computes it natively).</source>
        <translation>fp16 autocast에는 GPU가 필요합니다. CPU에서는 fp32로 학습하세요 (bf16을 직접 계산하는 CPU라면 bf16도 됩니다).</translation>
    </message>
    <message>
        <source>out of memory at iteration %1 (%2). The run stopped; the last checkpoint (iteration %3) is kept. Use a smaller batch or a smaller network.</source>
        <translation>반복 %1에서 메모리가 부족합니다 (%2). 학습을 멈췄고 마지막 체크포인트(반복 %3)는 보존됩니다. 배치나 네트워크를 줄이세요.</translation>
    </message>
    <message>
        <source>out of memory at iteration %1 (%2), before any checkpoint was written. Use a smaller batch or a smaller network.</source>
        <translation>체크포인트를 쓰기 전, 반복 %1에서 메모리가 부족합니다 (%2). 배치나 네트워크를 줄이세요.</translation>
    </message>
    <message>
        <source>%1. Training stopped; the last good checkpoint (iteration %2) is kept: free some space and resume the run.</source>
        <translation>%1. 학습을 멈췄습니다. 마지막 정상 체크포인트(반복 %2)는 보존됩니다: 공간을 확보한 뒤 학습을 이어 하세요.</translation>
    </message>
    <message>
        <source>%1. Training stopped before any checkpoint was written.</source>
        <translation>%1. 체크포인트를 쓰기 전에 학습을 멈췄습니다.</translation>
    </message>
    <message>
        <source>the file must hold one JSON object</source>
        <translation>파일에는 JSON 객체 하나가 있어야 합니다</translation>
    </message>
    <message>
        <source>a run cannot be resumed on several processes yet: resume it with one process (without --world-size)</source>
        <translation>실행을 여러 프로세스로 이어서 학습할 수는 아직 없습니다: 한 프로세스로(--world-size 없이) 이어서 학습하세요</translation>
    </message>
    <message>
        <source>with %1 ranks every batch needs at least %1 images, one for each rank; with %2 training images and a batch of %3 the last batch of each epoch holds %4. Change --batch or --train-subset.</source>
        <translation>랭크가 %1개이면 모든 배치에 랭크마다 하나씩 이미지가 %1장 이상 필요합니다. 학습 이미지 %2장, 배치 %3이면 각 에폭의 마지막 배치는 %4장입니다. --batch나 --train-subset을 바꾸세요.</translation>
    </message>
</context>
<context>
    <name>rx::TrainingDashboard</name>
    <message>
        <source>The network is invalid; fix it in the builder first.</source>
        <translation>신경망이 올바르지 않습니다. 먼저 구성 탭에서 고치세요.</translation>
    </message>
    <message>
        <source>CIFAR-10 is not in %1. Choose its folder or download it.</source>
        <translation>%1에 CIFAR-10이 없습니다. 폴더를 고르거나 내려받으세요.</translation>
    </message>
    <message>
        <source>any known place</source>
        <translation>알려진 어느 곳</translation>
    </message>
    <message>
        <source>%1 · %2 training images · %3 iterations per epoch</source>
        <translation>%1 · 학습 이미지 %2장 · 에폭당 반복 %3회</translation>
    </message>
    <message>
        <source>iteration %1 / %2 · epoch %3 · %4 images/s · ETA %5</source>
        <translation>반복 %1 / %2 · 에폭 %3 · 초당 %4장 · 남은 시간 %5</translation>
    </message>
    <message>
        <source>downloading CIFAR-10: %1 of %2 MB</source>
        <translation>CIFAR-10 내려받는 중: %2 MB 중 %1 MB</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>CIFAR-10 is ready in %1</source>
        <translation>CIFAR-10이 %1에 준비되었습니다</translation>
    </message>
    <message>
        <source>%1 is being trained by another process (%2).</source>
        <translation>%1은(는) 다른 프로세스(%2)가 학습하고 있습니다.</translation>
    </message>
    <message>
        <source>%1 has finished; nothing is left to train.</source>
        <translation>%1은(는) 끝났습니다. 더 학습할 것이 없습니다.</translation>
    </message>
    <message>
        <source>%1 has no checkpoint to resume from.</source>
        <translation>%1에는 이어 할 체크포인트가 없습니다.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
</TS>
