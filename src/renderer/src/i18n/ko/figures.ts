/** 그림 공용 부품과 키보드 조작(작은 그림 격자, 실습 1의 시작점 표시, 실습 7의 확대). ko.ts에 펼쳐 넣는다. */
import type en from '../en/figures'

const figures: typeof en = {
  figures: {
    openLarge: '{title} 크게 보기',
    bestDialogTitle: 'Best-{k}: 시행 {trial}',
    bestDialogChart: '시행 {trial}: 에폭별 정확도',
    pickStart: {
      label: '{label}. 초점을 맞춘 뒤 화살표 키로 시작점을 옮기고, Enter를 누르면 그 자리에서 경로가 시작됩니다.',
      hint: '키보드: 그림에 초점을 맞추고 화살표로 시작점 표시를 옮기세요(Shift: 크게). Enter는 그 자리에서 경로를 시작하고, Escape는 표시를 되돌립니다.',
      at: '시작점 표시 위치 ({x}, {y}). Enter를 누르면 여기서 시작합니다.',
      started: '이제 경로가 ({x}, {y})에서 시작합니다.',
    },
    zoom: {
      label: '{label}. 초점을 맞춘 뒤 Enter를 누르면 키보드로 영역을 고를 수 있습니다.',
      hint: '키보드: 그림에 초점을 맞추고 Enter를 누르세요. 화살표는 선택 영역을 옮기고, Shift+화살표는 크기를 바꾸며, Enter는 그 영역을 다시 탐색하고, Escape는 취소합니다.',
      start: '영역 선택 중: 화살표로 옮기고, Shift+화살표로 크기를 바꾸고, Enter로 다시 탐색하고, Escape로 취소합니다. {region}',
      region: '{x}: {x0} … {x1}',
      region2: '{x}: {x0} … {x1}; {y}: {y0} … {y1}',
      cancelled: '선택을 취소했습니다.',
      chosen: '고른 영역: {region}.',
    },
  },
}

export default figures
