REST refusals answer 400 in the site's language (zh_CN or English) and name the field (`field` in the answer): one error shape for the whole add-on. [plone-grade]
