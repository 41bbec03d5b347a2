The settings through plone.restapi: `@controlpanels/consultation-settings`. [plone-grade]
