import PackageManagerTabs from '../../../components/tabs/PackageManagerTabs'
import JavascriptFlavorTabs from '~/components/tabs/JavascriptFlavorTabs.astro'
