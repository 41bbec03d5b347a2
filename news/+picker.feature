Members are picked from the whole directory by name, pinyin or its initials, sector or organisation, each shown with sector and organisation; a whole sector is invited in one step. [workbench]
