/** Chance level by the majority class (issue 11): when the training rows' most frequent class beats 1/classes. */
export default {
  chanceMajority: {
    run: 'At chance level: the best accuracy, {best}, is close to what always answering the most frequent class of its training rows scores ({chance}; anything up to {threshold} counts). This run has not learned, so its gap or ranking means nothing.',
  },
}
