import PackageManagerTabs from '~/components/tabs/PackageManagerTabs.astro'
