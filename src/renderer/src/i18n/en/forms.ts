/** Lab forms set from preset keys (a lesson link's query): what a refused key or value says. */
export default {
  presetLink: {
    unknownKey: "‘{key}’ is not a setting of this lab (settings: {known})",
    badValue: '{key}={value}: {reason}',
  },
}
