import UIFrameworkTabs from '~/components/tabs/UIFrameworkTabs.astro'
