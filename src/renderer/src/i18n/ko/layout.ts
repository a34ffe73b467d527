/** 페이지 틀 (이슈 11): 실행 막대, 건너뛰기 링크, 사이드바 키, 발표 모드. */
export default {
  runBar: {
    invalid: '빨간색으로 표시된 설정을 먼저 고치세요.',
    label: '실행',
    progress: '이 실험의 진행률',
    count: '{done} / {total} 반복',
    runs: '실행 {total}개 중 {ended}개 끝남',
    idle: '아직 실행하지 않았습니다. 설정을 고른 뒤 실행하세요.',
    pause: '일시 정지',
    pausing: '일시 정지하는 중…',
    resume: '이어서 실행',
    resuming: '다시 시작하는 중…',
    cancel: '취소',
  },
  skip: {
    settings: '실험 설정으로 건너뛰기',
    main: '본문으로 건너뛰기',
  },
  presentation: {
    toggle: '발표 모드',
    hint: '프로젝터용: 큰 글자와 굵은 선, 그림 하나씩 (Page Up / Page Down으로 넘김).',
    stepper: '그림',
    figure: '그림 {n} / {total}',
    previous: '이전 그림',
    next: '다음 그림',
    all: '모두 보기',
  },
}
