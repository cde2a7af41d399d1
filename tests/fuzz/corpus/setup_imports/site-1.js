import Badge from '~/components/Badge.astro'
