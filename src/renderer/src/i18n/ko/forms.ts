/** 프리셋 키(수업 링크의 쿼리)로 채운 실습 양식: 거부된 키나 값의 설명. */
export default {
  presetLink: {
    unknownKey: '‘{key}’는 이 실습의 설정이 아닙니다 (설정: {known})',
    badValue: '{key}={value}: {reason}',
  },
}
