/** 실습 init-mnist의 한국어 메시지: en.ts의 모든 키가 있어야 합니다. */
import type en from './en'

const ko: typeof en = {
  title: 'MNIST로 본 가중치의 초기값 비교',
  short: 'MNIST 초기값 비교',
  summary: '실습 2의 신경망을 SGD로 학습시키며 표준편차 0.01, Xavier, He 초기값의 손실 함수 곡선을 비교합니다(y 범위 0–2.5).',
  expected: '표준편차 0.01이면 학습이 전혀 이뤄지지 않고(손실이 2.30 근처에 머묾), He가 Xavier보다 학습 진도가 빠릅니다.',
  pick: '비교할 가중치의 초기값',
  pickHint: '모든 실행은 같은 미니배치를 봅니다. 가중치의 초기값만 다릅니다.',
  choice: {
    std: '정규분포, 표준편차 σ',
    xavier: 'Xavier √(1/n)',
    he: 'He √(2/n)',
    zero: '모두 0',
  },
  chooseInit: '가중치의 초기값을 하나 이상 고르세요',
  runStd: 'std={std}',
  runConstant: '상수={value}',
  runHeader: '가중치의 초기값',
  emptyText: '왼쪽에서 가중치의 초기값을 고르고 실행을 누르세요. 손실 함수 곡선이 여기에 실시간으로 나타납니다.',
  summaryTitle: '실행 결과 요약',
  summaryFinal: '평활화한 최종 손실 {loss},',
  summaryStuck: 'ln 10 ≈ 2.30(무작위로 찍을 때의 손실)에 머뭅니다: 학습이 되지 않습니다.',
  summaryReached: '{n}번째 반복에서 처음으로 {target} 아래.',
  summaryNotReached: '한 번도 {target} 아래로 내려가지 않음.',
}

export default ko
