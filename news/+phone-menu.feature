On a phone Plone's toolbar gives way to a row of personal links in the header (name, 我的履职, 退出). [workbench]
