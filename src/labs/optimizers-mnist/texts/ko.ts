/** 실습 optimizers-mnist의 한국어 메시지: en.ts의 모든 키가 있어야 합니다. */
import type en from './en'

const ko: typeof en = {
  title: 'MNIST로 본 갱신 방법 비교',
  short: 'MNIST 갱신 방법 비교',
  summary: '같은 784-100-100-100-100-10 ReLU 신경망에서, 같은 가중치의 초기값과 같은 미니배치로 여러 옵티마이저를 경주시키고 손실 함수 곡선을 비교합니다.',
  expected: 'SGD의 학습 진도가 가장 느리고, 모멘텀·AdaGrad·Adam의 진도는 비슷합니다.',
}

export default ko
