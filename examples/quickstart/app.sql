create table blocked_customers (id varchar(20) primary key);
create table order_lines (order_id varchar(20), sku varchar(20), qty int);
insert into blocked_customers values ('c-666');
insert into order_lines values ('o-1', 'SKU-1', 2), ('o-1', 'SKU-2', 1);
