/** The figures' shared pieces and their keyboard ways (small multiples, lab 1's start marker, lab 7's zoom). Spread into en.ts. */
const figures = {
  figures: {
    openLarge: 'Open {title} large',
    bestDialogTitle: 'Best-{k}: trial {trial}',
    bestDialogChart: 'Trial {trial}: accuracy per epoch',
    pickStart: {
      label: '{label}. Focus it and use the arrow keys to move the start point, Enter to start the paths there.',
      hint: 'Keyboard: focus the plot, arrows move the start marker (Shift: bigger steps), Enter starts the paths there, Escape puts the marker back.',
      at: 'Start marker at ({x}, {y}). Enter starts the paths there.',
      started: 'Paths now start at ({x}, {y}).',
    },
    zoom: {
      label: '{label}. Focus it and press Enter to select a region with the keyboard.',
      hint: 'Keyboard: focus the plot and press Enter; arrows move the selection, Shift+arrows resize it, Enter searches it again, Escape cancels.',
      start: 'Selecting a region: arrows move it, Shift+arrows resize it, Enter searches it again, Escape cancels. {region}',
      region: '{x}: {x0} … {x1}',
      region2: '{x}: {x0} … {x1}; {y}: {y0} … {y1}',
      cancelled: 'Selection cancelled.',
      chosen: 'Region chosen: {region}.',
    },
  },
}

export default figures
