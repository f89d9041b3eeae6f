create table if not exists customers (id varchar(20) primary key, name varchar(100), country varchar(2), vip boolean, blocked boolean, last_shipped_order varchar(20));
create table if not exists orders (id varchar(20) primary key, customer_id varchar(20), status varchar(20), total decimal(10,2), country varchar(2), paid_at timestamp);
create table if not exists order_lines (order_id varchar(20), sku varchar(20), qty int, price decimal(10,2));
create index if not exists order_lines_order on order_lines(order_id);
merge into customers key(id) values ('c-1', 'Ada Lovelace', 'DE', true, false, null), ('c-2', 'Blaise Pascal', 'FR', false, false, null), ('c-3', 'Grace Hopper', 'NL', false, false, null), ('c-4', 'Alan Turing', 'DE', true, false, null), ('c-5', 'Mallory', 'FR', false, true, null);
