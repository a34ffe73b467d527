/** The page frame (issue 11): the run bar, the skip link, the sidebar's keys and presentation mode. */
export default {
  runBar: {
    invalid: 'Fix the settings marked in red first.',
    label: 'Run',
    progress: 'Progress of this experiment',
    count: '{done} / {total} iterations',
    runs: '{ended} of {total} runs ended',
    idle: 'Nothing run yet: set the lab up, then Run.',
    pause: 'Pause',
    pausing: 'Pausing…',
    resume: 'Resume',
    resuming: 'Resuming…',
    cancel: 'Cancel',
  },
  skip: {
    settings: "Skip to the lab's settings",
    main: 'Skip to main content',
  },
  presentation: {
    toggle: 'Presentation mode',
    hint: 'For a projector: larger type and lines, one figure at a time (Page Up / Page Down step through them).',
    stepper: 'Figures',
    figure: 'Figure {n} of {total}',
    previous: 'Previous figure',
    next: 'Next figure',
    all: 'Show all',
  },
}
