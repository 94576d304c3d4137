import yaml,sys,collections,re
for f in sys.argv[1:]:
    d=yaml.safe_load(open(f))
    assert d['lang']=='fa'
    it=d['items']; assert len(it)==100,(f,len(it))
    c=collections.Counter((i['label'],i['style']) for i in it)
    lab=collections.Counter(i['label'] for i in it)
    print(f, dict(lab))
    print('  ',sorted(c.items()))
    for i in it:
        w=len(i['text'].split())
        if w<4 or w>45: print('  LEN',w,i['text'])
    zw=sum('\u200c' in i['text'] for i in it)
    pd=sum(bool(re.search('[۰-۹]',i['text'])) for i in it)
    ld=sum(bool(re.search('[0-9]',i['text'])) for i in it)
    print('  zwnj items',zw,'persian-digit items',pd,'latin-digit items',ld)
    t=[i['text'] for i in it]; assert len(set(t))==100
