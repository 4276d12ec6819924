-- Every metric has a Vietnamese and an English label.
SELECT id FROM metrics WHERE trim(label_vi) = '' OR trim(label_en) = ''
