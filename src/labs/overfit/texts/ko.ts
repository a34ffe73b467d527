/** 실습 overfit의 한국어 메시지: en.ts의 모든 키가 있어야 합니다. */
import type en from './en'

const ko: typeof en = {
  title: '오버피팅과 그 억제',
  short: '오버피팅',
  summary: '훈련 데이터 300개만으로 깊은 신경망을 학습시켜 훈련 정확도와 시험 정확도가 벌어지는 것을 봅니다. 그다음 가중치 감소(λ = 0.1)나 드롭아웃(비율 0.2)을 적용해 차이가 줄어드는 것을 확인합니다.',
  expected: '억제하지 않으면 훈련 정확도는 1.0에 이르지만 시험 정확도는 0.2–0.3 낮게 머뭅니다. 가중치 감소나 드롭아웃은 그 차이를 줄입니다.',
  cureTitle: '오버피팅 억제',
  cure: '억제 방법',
  cureHintWeightDecay: '책의 설정: 훈련 데이터 300개, 은닉층 6개 × 100, 201 에폭, λ = 0.1. 억제하지 않는 실행도 같은 가중치와 미니배치를 씁니다.',
  cureHintDropout: '책의 설정: 훈련 데이터 300개, 은닉층 7개 × 100, 301 에폭, 드롭아웃 비율 0.2. 억제하지 않는 실행도 같은 가중치와 미니배치를 씁니다.',
  lambda: '가중치 감소 계수 λ',
  dropoutRatio: '드롭아웃 비율',
  dropoutMode: '드롭아웃 방식',
  modeBook: '책의 방식',
  modeInverted: '역 드롭아웃',
  modeBookHint: '책의 드롭아웃: 훈련 때 비율만큼 뉴런을 무작위로 삭제하고, 시험 때는 모든 출력에 (1 − 비율)을 곱합니다.',
  modeInvertedHint: '역 드롭아웃: 훈련 때 남은 뉴런의 출력을 (1 − 비율)로 나누고, 시험 때는 그대로 전달합니다.',
  experimentName: '오버피팅: 억제 없음 vs {cured}',
  emptyText: '왼쪽에서 억제 방법을 고르고 실행을 누르세요. 훈련·시험 정확도와 그 차이가 여기에 실시간으로 나타납니다.',
  noCure: '억제 없음',
  curedWeightDecay: '가중치 감소 λ = {lambda}',
  curedDropout: '드롭아웃 {ratio}',
  runHeader: '실행',
  gapTitle: '에폭마다의 훈련 정확도와 시험 정확도의 차이',
  gapName: '차이',
  gapAxis: '훈련 − 시험 정확도',
  gapColumn: '차이(훈련 − 시험)',
}

export default ko
