/** Lesson links (issue 11): a link that opens a lab with given settings, and "copy link". */
export default {
  lessonLink: {
    copy: 'Copy link',
    copyHint: 'A link that opens this lab with the settings in the form (only those that differ from the book’s)',
    copied: 'Link copied',
    manual: 'Copy this link (Ctrl+C / ⌘C): the clipboard is not available here',
    field: 'Link to this lab with these settings',
    invalid: 'Fix the form first: a link is made from valid settings.',
    missing: 'Not in the link (no link key says it): {fields}',
    issuesTitle: 'Some settings of this link were not applied (the others were; nothing was run):',
    issue: '{key}: {message}',
    dismiss: 'Dismiss',
    applied: 'Settings from the link applied: {n}',
  },
}
