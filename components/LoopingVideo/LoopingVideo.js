// <LoopingVideo>: plays the clip (muted, in a loop) only while the reader
// has not asked for reduced motion. The HTML starts paused with controls,
// which is also what readers without JavaScript get; this script starts
// playback, and pauses it again if the preference changes. Controls stay,
// so any reader can stop the loop (WCAG 2.2.2, Pause, Stop, Hide).
(() => {
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)');
  const videos = () => document.querySelectorAll('video.skiff-video[data-autoplay]');
  function apply() {
    for (const video of videos()) {
      if (reduce.matches) {
        video.pause();
      } else {
        // Muted playback is allowed without a gesture; a browser that still
        // refuses leaves the video paused with its controls.
        const playing = video.play();
        if (playing) playing.catch(() => {});
      }
    }
  }
  if (reduce.addEventListener) reduce.addEventListener('change', apply);
  apply();  // loaded with `defer`: the videos are in the document
})();
