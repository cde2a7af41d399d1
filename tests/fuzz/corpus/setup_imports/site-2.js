import LoopingVideo from '~/components/LoopingVideo.astro'
